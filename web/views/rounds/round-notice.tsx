import { raw } from 'hono/html'
import type { RoundKind } from '../../../shared/rules/choices.ts'
import type { PageContext } from '../layout.tsx'
import { HashLine } from '../versions/version-page.tsx'
import { timeLeft } from './time-left.ts'

/** On the position page while a round runs: what is being decided, how long, and where to answer. */
export function RoundNotice({ ctx, round, now }: { ctx: PageContext; round: { id: string; kind: RoundKind; versionNumber: number; closesAt: number }; now: number }) {
  const { t } = ctx
  return (
    <div class="notice round-notice" role="status">
      <p>
        <strong>{t('rounds.notice.running', { kind: t(`rounds.kind.${round.kind}.inline`), version: round.versionNumber })}</strong>{' '}
        {timeLeft(t, now, round.closesAt)}.
      </p>
      <p>
        <a class="button" href={`/rounds/${round.id}`}>
          {t('rounds.notice.go')}
        </a>
      </p>
    </div>
  )
}

/** The frozen text in place of the live draft (a round runs on it, or it was adopted). */
export function FrozenText({ ctx, positionId, version, heading }: { ctx: PageContext; positionId: string; version: { number: number; hash: string; html: string }; heading: string }) {
  const { t } = ctx
  return (
    <section class="frozen" aria-labelledby="frozen-heading">
      <h2 id="frozen-heading">{heading}</h2>
      <p class="hint">
        <a href={`/positions/${positionId}/versions/${version.number}`}>{t('versions.item', { n: version.number })}</a>
      </p>
      <div class="frozen-text prose">{raw(version.html)}</div>
      <HashLine ctx={ctx} hash={version.hash} />
    </section>
  )
}

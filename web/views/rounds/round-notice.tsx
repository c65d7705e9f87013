import { CommentsPanel } from '../comments/comments-panel.tsx'
import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { raw } from 'hono/html'
import type { Choice, RoundKind } from '../../../shared/rules/choices.ts'
import type { PageContext } from '../layout.tsx'
import { HashLine } from '../versions/version-page.tsx'
import { choiceLabel } from './round-labels.ts'
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

/**
 * Above the draft after a round that decided nothing: the objections and concerns it raised, so
 * whoever revises the text has them in view (and not only in the round history further down).
 */
export function LastRoundReasons({
  ctx,
  round,
}: {
  ctx: PageContext
  round: { id: string; kind: RoundKind; versionNumber: number; reasons: Array<{ choice: Choice; reason: string; voter: string | null }> }
}) {
  const { t } = ctx
  return (
    <section class="notice round-notice" aria-labelledby="last-round-reasons-heading">
      <h2 id="last-round-reasons-heading">{t('rounds.notice.reasons.heading')}</h2>
      <p>{t('rounds.notice.reasons.intro', { kind: t(`rounds.kind.${round.kind}.inline`), version: round.versionNumber })}</p>
      <ul class="reason-list">
        {round.reasons.map((r) => (
          <li class={`reason reason-${r.choice}`}>
            <strong>{choiceLabel(t, r.choice)}</strong>
            {r.voter ? ` (${r.voter})` : ''}: {r.reason}
          </li>
        ))}
      </ul>
      <p>
        <a href={`/rounds/${round.id}`}>{t('rounds.notice.reasons.link')}</a>
      </p>
    </section>
  )
}

/**
 * The frozen text in place of the live draft (a round runs on it, or it was adopted). While a
 * round runs, `comments` puts the threads on this version beside it: the draft is read-only
 * then, so comments go on the text under decision.
 */
export function FrozenText({
  ctx,
  positionId,
  version,
  heading,
  comments,
}: {
  ctx: PageContext
  positionId: string
  version: { number: number; hash: string; html: string }
  heading: string
  comments?: { canWrite: boolean }
}) {
  const { t } = ctx
  const text = (
    <>
      <div class="frozen-text prose" lang={CONTENT_LOCALE} data-comment-text={comments ? true : undefined}>
        {raw(version.html)}
      </div>
      <HashLine ctx={ctx} hash={version.hash} />
    </>
  )
  return (
    <section class="frozen" aria-labelledby="frozen-heading">
      <h2 id="frozen-heading">{heading}</h2>
      <p class="hint">
        <a href={`/positions/${positionId}/versions/${version.number}`}>{t('versions.item', { n: version.number })}</a>
      </p>
      {comments ? (
        <div class="text-with-comments">
          <div>{text}</div>
          <CommentsPanel ctx={ctx} positionId={positionId} canWrite={comments.canWrite} versionNumber={version.number} selectable={true} />
        </div>
      ) : (
        text
      )}
    </section>
  )
}

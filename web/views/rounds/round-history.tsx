import type { Choice, Electorate, RoundKind } from '../../../shared/rules/choices.ts'
import type { ShownResult } from '../../../shared/rules/secret-disclosure.ts'
import type { Totals } from '../../../shared/rules/tally.ts'
import type { PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'
import { ReasonList } from './ballot-page.tsx'
import { kindLabel } from './round-labels.ts'
import { participationText, resultSentence } from './result-words.ts'
import { timeLeft } from './time-left.ts'

export interface RoundHistoryItem {
  id: string
  kind: RoundKind
  electorate: Electorate
  versionNumber: number
  closed: boolean
  closesAt: number
  closedAt: number | null
  /** Set when the round was cancelled: it ended without a result. */
  cancelledAt?: number | null
  result: ShownResult | null
  participation: Totals
  electorateSize: Totals
  reasons: Array<{ choice: Choice; reason: string; voter: string | null }>
}

/** The rounds held on a position, newest first, with their results in words and the objections raised. */
export function RoundHistory({ ctx, rounds, now }: { ctx: PageContext; rounds: RoundHistoryItem[]; now: number }) {
  const { t } = ctx
  return (
    <section class="round-history" aria-labelledby="round-history-heading">
      <h2 id="round-history-heading">{t('rounds.history.heading')}</h2>
      {rounds.length === 0 ? (
        <p>{t('rounds.history.none')}</p>
      ) : (
        <ol class="card-list" reversed>
          {rounds.map((r) => (
            <li class={`card round-card${r.result ? ` outcome-${r.result.outcome}` : ''}`}>
              <h3>
                <a href={`/rounds/${r.id}`}>{t('rounds.history.item', { kind: kindLabel(t, r.kind), version: r.versionNumber })}</a>
              </h3>
              {r.result ? (
                <>
                  <p>
                    <strong>{resultSentence(t, r.result, r.electorate, r.closedAt ?? r.closesAt)}</strong>
                  </p>
                  <p class="muted">
                    {t('rounds.closed_at', { date: formatDateTime(r.closedAt ?? r.closesAt, ctx.locale) })}
                  </p>
                </>
              ) : r.cancelledAt ? (
                <p>{t('rounds.cancelled.short', { date: formatDateTime(r.cancelledAt, ctx.locale) })}</p>
              ) : (
                <p>
                  {t('rounds.history.running', {
                    timeLeft: timeLeft(t, now, r.closesAt),
                    participation: participationText(t, r.participation, r.electorateSize, r.electorate),
                  })}
                </p>
              )}
              {r.reasons.length ? <ReasonList ctx={ctx} reasons={r.reasons} headingId={`reasons-${r.id}`} level={4} /> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

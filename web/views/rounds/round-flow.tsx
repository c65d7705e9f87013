import type { Electorate } from '../../../shared/rules/choices.ts'
import { ErrorNotice, type PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'
import { toLocalInput } from './zoned-time.ts'

// What the ballot page shows around the ballot itself: a late answer, the short-notice reason,
// extensions and a cancellation, who has not answered yet, and the coordinator's extend and
// cancel forms. Kept apart from ballot-page.tsx, which is about answering and the result.

export interface RoundFlow {
  /** Set when this request's answer came after the round had ended. */
  late: string | null
  shortNoticeReason: string | null
  cancelled: { at: number; byName: string; reason: string } | null
  extensions: Array<{ from: number; to: number; at: number; byName: string; reason: string }>
  /** While the round is open: who still has to answer (null once it has ended). */
  notYetAnswered: { count: number; voters: Array<{ id: string; name: string; delegates: Array<{ name: string }> }> } | null
  /** Open round whose answers are hidden until it ends. */
  answersHidden: boolean
  canExtend: boolean
  canCancel: boolean
  /** A refused extend or cancel form, shown again with what was entered. */
  changeForm?: { form: 'extend' | 'cancel'; error: string; field?: string | undefined; closesAt?: string; reason?: string } | undefined
}

/** At the top of the ballot page: a late answer first, then short notice, cancellation and extensions. */
export function RoundFlowNotices({ ctx, flow }: { ctx: PageContext; flow: RoundFlow }) {
  const { t, locale } = ctx
  return (
    <>
      {flow.late ? (
        <div class="notice notice-error" role="alert" id="late-ballot">
          <h2>{t('rounds.late.title')}</h2>
          <p>{flow.late}</p>
        </div>
      ) : null}
      {flow.cancelled ? (
        <p class="notice round-notice" id="round-cancelled">
          {t('rounds.cancelled', { date: formatDateTime(flow.cancelled.at, locale), name: flow.cancelled.byName, reason: flow.cancelled.reason })}
        </p>
      ) : null}
      {flow.shortNoticeReason ? (
        <p class="notice round-notice" id="short-notice">
          {t('rounds.short_notice.shown', { reason: flow.shortNoticeReason })}
        </p>
      ) : null}
      {flow.extensions.length > 0 ? (
        <section aria-labelledby="extensions-heading" class="extensions">
          <h2 id="extensions-heading" class="visually-hidden">
            {t('rounds.extend.list')}
          </h2>
          <ul class="reason-list">
            {flow.extensions.map((x) => (
              <li>
                {t('rounds.extend.item', {
                  at: formatDateTime(x.at, locale),
                  name: x.byName,
                  from: formatDateTime(x.from, locale),
                  to: formatDateTime(x.to, locale),
                  reason: x.reason,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}

/** "Quorum 50 %" in words: who must answer, with how much of the weight, for the result to count. */
export function QuorumWords({ ctx, quorum, electorate }: { ctx: PageContext; quorum: number; electorate: Electorate }) {
  const { t, locale } = ctx
  if (quorum <= 0) return <>{t('rounds.quorum.words.none')}</>
  const percent = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: 2 }).format(quorum)
  return <>{t('rounds.quorum.words', { who: t(`rounds.quorum.who.${electorate}`), quorum: percent })}</>
}

/** Who has not answered yet, with the delegates who could answer for each initiative. */
export function NotYetAnswered({ ctx, flow, electorate }: { ctx: PageContext; flow: RoundFlow; electorate: Electorate }) {
  const { t } = ctx
  const pending = flow.notYetAnswered
  if (!pending) return null
  return (
    <section aria-labelledby="pending-heading" class="pending">
      <h2 id="pending-heading">{t('rounds.pending.heading')}</h2>
      {flow.answersHidden ? <p class="hint">{t('rounds.page.answers_hidden')}</p> : null}
      {pending.count === 0 ? (
        <p>{t('rounds.pending.none')}</p>
      ) : (
        <ul class="pending-list">
          {pending.voters.map((v) => (
            <li>
              <strong>{v.name}</strong>
              {electorate !== 'initiatives' ? null : (
                <span class="muted block">
                  {v.delegates.length > 0 ? t('rounds.pending.delegates', { names: v.delegates.map((d) => d.name).join(', ') }) : t('rounds.pending.no_delegate')}
                </span>
              )}
            </li>
          ))}
          {pending.count > pending.voters.length ? <li>{t('rounds.pending.more', { n: pending.count - pending.voters.length })}</li> : null}
        </ul>
      )}
    </section>
  )
}

/** The coordinator's forms on an open round: move the deadline later, or cancel without a result. */
export function RoundChangeForms({ ctx, roundId, closesAt, flow }: { ctx: PageContext; roundId: string; closesAt: number; flow: RoundFlow }) {
  const { t } = ctx
  const refused = flow.changeForm
  const err = (form: 'extend' | 'cancel', field: string) => (refused?.form === form && refused.field === field ? refused.error : undefined)
  const formError = (form: 'extend' | 'cancel') => (refused?.form === form && !['closesAt', 'reason', 'confirm'].includes(refused.field ?? '') ? refused.error : null)
  return (
    <>
      {flow.canExtend && flow.notYetAnswered && flow.notYetAnswered.count > 0 ? (
        // Notifications: remind the missing ones (at most once every 6 hours per round).
        <form method="post" action={`/rounds/${roundId}/nudge`} class="round-change">
          <button type="submit">{t('notify.nudge.button')}</button>
        </form>
      ) : null}
      {flow.canExtend ? (
        <details class="round-change" open={refused?.form === 'extend' ? true : undefined}>
          <summary>{t('rounds.extend.heading')}</summary>
          <form method="post" action={`/rounds/${roundId}/extend#extend-form`} id="extend-form" novalidate>
            <ErrorNotice message={formError('extend')} />
            <label for="extend-closes-at">{t('rounds.extend.closes_at')}</label>
            {err('extend', 'closesAt') ? (
              <p class="field-error" id="extend-closes-at-error">
                {err('extend', 'closesAt')}
              </p>
            ) : null}
            <input
              id="extend-closes-at"
              name="closesAt"
              type="datetime-local"
              required
              value={refused?.form === 'extend' && refused.closesAt ? refused.closesAt : toLocalInput(closesAt + 24 * 3600_000)}
              aria-invalid={err('extend', 'closesAt') ? 'true' : undefined}
              aria-describedby={err('extend', 'closesAt') ? 'extend-closes-at-error' : undefined}
            />
            <label for="extend-reason">{t('rounds.extend.reason')}</label>
            <p class="hint" id="extend-reason-hint">
              {t('rounds.extend.reason.hint')}
            </p>
            {err('extend', 'reason') ? (
              <p class="field-error" id="extend-reason-error">
                {err('extend', 'reason')}
              </p>
            ) : null}
            <textarea
              id="extend-reason"
              name="reason"
              maxlength={1000}
              rows={2}
              required
              aria-invalid={err('extend', 'reason') ? 'true' : undefined}
              aria-describedby={err('extend', 'reason') ? 'extend-reason-hint extend-reason-error' : 'extend-reason-hint'}
            >
              {refused?.form === 'extend' ? (refused.reason ?? '') : ''}
            </textarea>
            <div>
              <button type="submit">{t('rounds.extend.submit')}</button>
            </div>
          </form>
        </details>
      ) : null}
      {flow.canCancel ? (
        <details class="round-change" open={refused?.form === 'cancel' ? true : undefined}>
          <summary>{t('rounds.cancel.heading')}</summary>
          <form method="post" action={`/rounds/${roundId}/cancel#cancel-form`} id="cancel-form" novalidate>
            <ErrorNotice message={formError('cancel')} />
            <p class="hint" id="cancel-hint">
              {t('rounds.cancel.hint')}
            </p>
            <label for="cancel-reason">{t('rounds.cancel.reason')}</label>
            {err('cancel', 'reason') ? (
              <p class="field-error" id="cancel-reason-error">
                {err('cancel', 'reason')}
              </p>
            ) : null}
            <textarea
              id="cancel-reason"
              name="reason"
              maxlength={1000}
              rows={2}
              required
              aria-invalid={err('cancel', 'reason') ? 'true' : undefined}
              aria-describedby={err('cancel', 'reason') ? 'cancel-reason-error' : undefined}
            >
              {refused?.form === 'cancel' ? (refused.reason ?? '') : ''}
            </textarea>
            {err('cancel', 'confirm') ? (
              <p class="field-error" id="cancel-confirm-error">
                {err('cancel', 'confirm')}
              </p>
            ) : null}
            <label class="check">
              <input type="checkbox" name="confirm" value="yes" required aria-describedby={err('cancel', 'confirm') ? 'cancel-confirm-error' : undefined} />
              {t('rounds.cancel.confirm')}
            </label>
            <button type="submit" class="danger" aria-describedby="cancel-hint">
              {t('rounds.cancel.submit')}
            </button>
          </form>
        </details>
      ) : null}
    </>
  )
}

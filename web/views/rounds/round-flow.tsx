import { intlLocale } from '../../../shared/i18n/locale.ts'
import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import type { Electorate } from '../../../shared/rules/choices.ts'
import { CheckboxField, FormError, PostForm, TextArea, TextField } from '../form/field.tsx'
import { formView, type FormView } from '../form/form-view.ts'
import type { PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'
import { toLocalInput } from '../../../shared/zoned-time.ts'
import { contentMark, Sentence } from '../with-content.tsx'

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
  notYetAnswered: { count: number; voters: Array<{ id: string; name: string; delegates: Array<{ name: string; proxy?: true }> }> } | null
  /** Open round whose answers are hidden until it ends. */
  answersHidden: boolean
  canExtend: boolean
  canCancel: boolean
  /** What the cancel form says happens (default: the draft becomes editable again). */
  cancelHint?: MessageKey | undefined
  /** A refused extend or cancel form, shown again with what was entered. */
  changeForm?: { form: 'extend' | 'cancel'; error: string; field?: string | undefined; closesAt?: string; reason?: string } | undefined
  /** Right after a nudge: how many people it reached (the confirmation beside the button). */
  nudged?: number | null
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
          <Sentence text={t('rounds.cancelled', { date: formatDateTime(flow.cancelled.at, locale), name: flow.cancelled.byName, reason: contentMark('reason') })} content={{ reason: flow.cancelled.reason }} />
        </p>
      ) : null}
      {flow.shortNoticeReason ? (
        <p class="notice round-notice" id="short-notice">
          <Sentence text={t('rounds.short_notice.shown', { reason: contentMark('reason') })} content={{ reason: flow.shortNoticeReason }} />
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
                <Sentence
                  text={t('rounds.extend.item', {
                    at: formatDateTime(x.at, locale),
                    name: x.byName,
                    from: formatDateTime(x.from, locale),
                    to: formatDateTime(x.to, locale),
                    reason: contentMark('reason'),
                  })}
                  content={{ reason: x.reason }}
                />
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
  const percent = new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(quorum)
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
                  {v.delegates.length > 0 ? t('rounds.pending.delegates', { names: v.delegates.map((d) => (d.proxy ? t('proxies.pending_holder', { name: d.name }) : d.name)).join(', ') }) : t('rounds.pending.no_delegate')}
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

/** The extend and cancel forms as their fields see them (a refused one with its problem). */
export function roundChangeViews(flow: RoundFlow, closesAt: number): { extend: FormView; cancel: FormView } {
  const refused = flow.changeForm
  const problemIn = (form: 'extend' | 'cancel') => (refused?.form === form ? { message: refused.error, field: refused.field } : null)
  const extend = formView({
    prefix: 'extend-',
    values: { closesAt: refused?.form === 'extend' && refused.closesAt ? refused.closesAt : toLocalInput(closesAt + 24 * 3600_000), reason: refused?.form === 'extend' ? refused.reason : '' },
    problem: problemIn('extend'),
    fields: { closesAt: 'extend-closes-at', reason: 'extend-reason' },
  })
  const cancel = formView({
    prefix: 'cancel-',
    values: { reason: refused?.form === 'cancel' ? refused.reason : '' },
    problem: problemIn('cancel'),
    fields: { reason: 'cancel-reason', confirm: 'cancel-confirm' },
  })
  return { extend, cancel }
}

/** The coordinator's forms on an open round: move the deadline later, or cancel without a result. */
export function RoundChangeForms({ ctx, roundId, closesAt, flow }: { ctx: PageContext; roundId: string; closesAt: number; flow: RoundFlow }) {
  const { t } = ctx
  const refused = flow.changeForm
  const { extend, cancel } = roundChangeViews(flow, closesAt)
  return (
    <>
      {flow.nudged !== null && flow.nudged !== undefined ? (
        <p class="notice notice-success" role="status" id="nudge-status" tabindex={-1}>
          {flow.nudged === 1 ? t('notify.nudge.done_one') : t('notify.nudge.done', { n: flow.nudged })}
        </p>
      ) : null}
      {flow.canExtend && flow.notYetAnswered && flow.notYetAnswered.count > 0 ? (
        // Notifications: remind the missing ones (at most once every 6 hours per round).
        <form method="post" action={`/rounds/${roundId}/nudge`} class="round-change">
          <button type="submit">{t('notify.nudge.button')}</button>
        </form>
      ) : null}
      {flow.canExtend ? (
        <details class="round-change" open={refused?.form === 'extend' ? true : undefined}>
          <summary>{t('rounds.extend.heading')}</summary>
          <PostForm action={`/rounds/${roundId}/extend`} id="extend-form" novalidate>
            <FormError form={extend} />
            <TextField form={extend} name="closesAt" type="datetime-local" label={t('rounds.extend.closes_at')} required />
            <TextArea form={extend} name="reason" label={t('rounds.extend.reason')} hint={t('rounds.extend.reason.hint')} maxlength={1000} rows={2} required lang={CONTENT_LOCALE} />
            <div>
              <button type="submit">{t('rounds.extend.submit')}</button>
            </div>
          </PostForm>
        </details>
      ) : null}
      {flow.canCancel ? (
        <details class="round-change" open={refused?.form === 'cancel' ? true : undefined}>
          <summary>{t('rounds.cancel.heading')}</summary>
          <PostForm action={`/rounds/${roundId}/cancel`} id="cancel-form" novalidate>
            <FormError form={cancel} />
            <p class="hint" id="cancel-hint">
              {t(flow.cancelHint ?? 'rounds.cancel.hint')}
            </p>
            <TextArea form={cancel} name="reason" label={t('rounds.cancel.reason')} maxlength={1000} rows={2} required lang={CONTENT_LOCALE} />
            <CheckboxField form={cancel} name="confirm" value="yes" checked={false} label={t('rounds.cancel.confirm')} required />
            <button type="submit" class="danger" aria-describedby="cancel-hint">
              {t('rounds.cancel.submit')}
            </button>
          </PostForm>
        </details>
      ) : null}
    </>
  )
}

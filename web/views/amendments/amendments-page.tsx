import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { FormError, PostForm, SelectField, TextArea, TextField } from '../form/field.tsx'
import { formErrors, formView, type FormProblem, type FormValues } from '../form/form-view.ts'
import { AmendmentDiscussion, replyForm, type DiscussionView, type RefusedReply } from './amendment-discussion.tsx'
import { AmendmentRoundList, OpenAmendmentRoundForm, type AmendmentRoundLink } from './open-amendment-round-form.tsx'
import { Layout, type PageContext } from '../layout.tsx'

export interface AmendmentView {
  id: string
  number: number
  versionNumber: number
  quote: string
  text: string
  reason: string
  author: { name: string } | null
  initiative: { name: string } | null
  supporters: Array<{ id: string; name: string }>
  status: string
  decision: { reason: string | null } | null
  inVersion: number | null
  /** Its discussion (a comment thread); null for none. */
  discussion?: DiscussionView | null | undefined
}

export interface AmendmentsPageProps {
  ctx: PageContext
  position: { id: string; title: string }
  amendments: AmendmentView[]
  versions: number[]
  canPropose: boolean
  canDecide: boolean
  /** Initiatives the reader is a delegate of (they may support for them). */
  myInitiatives: string[]
  rounds: AmendmentRoundLink[]
  values?: FormValues | undefined
  problem?: FormProblem | null | undefined
  /** The open-round form as entered when it was refused. */
  roundValues?: FormValues | undefined
  roundProblem?: FormProblem | null | undefined
  /** May the reader answer in the discussions. */
  canReply?: boolean | undefined
  /** A reply form that was refused: which amendment's, what was entered, why. */
  refusedReply?: RefusedReply | null | undefined
  /** What the open-round form proposes when it is not refused: the deadline a week from now. */
  defaultClosesAt: string
}

/** /positions/:id/amendments: the amendments as inline diffs (Ä1, Ä2 …), support, decisions, and the form to propose one. */
export function AmendmentsPage(props: AmendmentsPageProps) {
  const { ctx, position } = props
  const { t } = ctx
  const form = formView({ prefix: 'amend-', values: props.values, problem: props.problem, fields: { versionNumber: 'amend-version', quote: 'amend-quote', text: 'amend-text', reason: 'amend-reason' } })
  const roundForm = formView({
    prefix: 'amend-round-',
    values: props.roundValues ?? { quorum: '50', closesAt: props.defaultClosesAt },
    problem: props.roundProblem,
    fields: { amendmentIds: 'amend-round-amendmentIds', quorum: 'amend-round-quorum', closesAt: 'amend-round-closesAt' },
  })
  const latest = props.versions[props.versions.length - 1]
  return (
    <Layout ctx={ctx} title={t('amendments.title', { title: position.title })} errors={formErrors(form, roundForm, props.refusedReply ? replyForm(props.refusedReply.amendmentId, props.refusedReply) : null)}>
      <p class="breadcrumb">
        <a href={`/positions/${position.id}`} lang={CONTENT_LOCALE}>
          {position.title}
        </a>
      </p>
      <h1>{t('amendments.heading')}</h1>
      <p class="hint">{t('amendments.intro')}</p>
      {props.amendments.length === 0 ? <p class="muted">{t('amendments.none')}</p> : null}
      <ol class="amendments">
        {props.amendments.map((a) => {
          const label = t('amendments.label', { number: a.number })
          const supported = a.supporters.some((s) => props.myInitiatives.includes(s.id))
          return (
            <li id={`a-${a.number}`} class="amendment">
              <h2>
                {label} <span class="muted">{t('amendments.on_version', { n: a.versionNumber })}</span> · <span class="status">{t(`amendments.status.${a.status}` as MessageKey)}</span>
              </h2>
              <p class="muted">
                {a.author ? t('amendments.by', { name: a.author.name }) : null}
                {a.initiative ? <> {t('amendments.for_initiative', { initiative: a.initiative.name })}</> : null}
                {a.inVersion !== null ? <> · {t('amendments.in_version', { n: a.inVersion })}</> : null}
              </p>
              <p class="amendment-diff" lang={CONTENT_LOCALE}>
                <del aria-label={t('amendments.old')}>{a.quote}</del>{' '}
                {a.text === '' ? <em>{t('amendments.deletion')}</em> : <ins aria-label={t('amendments.new')}>{a.text}</ins>}
              </p>
              <p>
                <strong>{t('amendments.reason')}:</strong> <span lang={CONTENT_LOCALE}>{a.reason}</span>
              </p>
              {a.decision?.reason ? <p>{t('amendments.decision_reason', { reason: a.decision.reason })}</p> : null}
              <p class="muted">{a.supporters.length ? t('amendments.supporters', { names: a.supporters.map((s) => s.name).join(', ') }) : t('amendments.no_supporters')}</p>
              {a.status === 'open' && props.myInitiatives.length > 0 ? (
                <PostForm action={`/amendments/${a.id}/support`}>
                  <input type="hidden" name="action" value={supported ? 'unsupport' : 'support'} />
                  <button type="submit" aria-label={`${supported ? t('amendments.unsupport') : t('amendments.support')}: ${label}`}>
                    {supported ? t('amendments.unsupport') : t('amendments.support')}
                  </button>
                </PostForm>
              ) : null}
              {props.canDecide && a.status === 'open' ? (
                <PostForm action={`/amendments/${a.id}/decide`}>
                  <fieldset>
                    <legend>{`${t('amendments.decide')}: ${label}`}</legend>
                    <label for={`reason-${a.id}`}>{t('amendments.reject_reason')}</label>
                    <textarea id={`reason-${a.id}`} name="reason" maxlength={5000} rows={2}></textarea>
                    <p>
                      <button type="submit" name="decision" value="take_over">
                        {t('amendments.take_over')}
                      </button>{' '}
                      <button type="submit" name="decision" value="reject">
                        {t('amendments.reject')}
                      </button>
                    </p>
                  </fieldset>
                </PostForm>
              ) : null}
              {props.canDecide && (a.status === 'conflict' || a.status === 'taken_over' || a.status === 'adopted') ? (
                <PostForm action={`/amendments/${a.id}/merge`}>
                  <button type="submit" aria-label={`${t('amendments.merge_again')}: ${label}`}>
                    {t('amendments.merge_again')}
                  </button>
                </PostForm>
              ) : null}
              {a.discussion ? <AmendmentDiscussion ctx={ctx} amendmentId={a.id} label={label} discussion={a.discussion} canReply={props.canReply ?? false} refused={props.refusedReply} /> : null}
            </li>
          )
        })}
      </ol>
      <AmendmentRoundList ctx={ctx} rounds={props.rounds} />
      {props.canDecide ? <OpenAmendmentRoundForm ctx={ctx} form={roundForm} positionId={position.id} open={props.amendments.filter((a) => a.status === 'open')} /> : null}
      {props.canPropose ? (
        <section aria-labelledby="amend-heading">
          <h2 id="amend-heading">{t('amendments.propose_heading')}</h2>
          {latest === undefined ? (
            <p class="muted">{t('amendments.no_version')}</p>
          ) : (
            <>
              <FormError form={form} />
              <PostForm action={`/positions/${position.id}/amendments`}>
                <SelectField
                  form={form}
                  name="versionNumber"
                  label={t('amendments.field.version')}
                  options={[...props.versions].reverse().map((n) => ({ value: String(n), label: String(n) }))}
                  selected={(props.values?.versionNumber as string | undefined) ?? String(latest)}
                />
                <TextField form={form} name="quote" label={t('amendments.field.quote')} hint={t('amendments.field.quote_hint')} required maxlength={20000} />
                <TextArea form={form} name="text" label={t('amendments.field.text')} hint={t('amendments.field.text_hint')} maxlength={20000} rows={4} />
                <TextArea form={form} name="reason" label={t('amendments.field.reason')} required maxlength={5000} rows={3} />
                <button type="submit">{t('amendments.submit')}</button>
              </PostForm>
            </>
          )}
        </section>
      ) : null}
    </Layout>
  )
}

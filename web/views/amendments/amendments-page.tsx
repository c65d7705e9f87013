import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { PostForm } from '../form/field.tsx'
import { formErrors, formView, type FormProblem, type FormValues } from '../form/form-view.ts'
import { AmendmentDiscussion, replyForm, type DiscussionView, type RefusedReply } from './amendment-discussion.tsx'
import { AmendmentRoundList, OpenAmendmentRoundForm, type AmendmentRoundLink } from './open-amendment-round-form.tsx'
import { Layout, type PageContext } from '../layout.tsx'
import { AmendmentDiff, type PmJson } from './amendment-diff.tsx'
import { AMENDMENTS_SCRIPT, ProposeAmendmentForm, type ProposeText } from './propose-amendment-form.tsx'

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
  /** Why it is not (yet) in the draft: waiting, changed, too_many_changes, obsolete. */
  mergeNote: string | null
  obsoletedBy: string | null
  /** The replacement as block nodes, and the passage cut from its version: the diff shows their formatting. */
  content?: PmJson[] | undefined
  passage?: PmJson[] | undefined
  /** Its discussion (a comment thread); null for none. */
  discussion?: DiscussionView | null | undefined
}

/** Why an amendment is not in the draft (yet), in words; null when nothing needs saying. */
function mergeNoteText(t: PageContext['t'], a: AmendmentView, all: readonly AmendmentView[]): string | null {
  if (a.status === 'obsolete') {
    const by = all.find((b) => b.id === a.obsoletedBy)
    return by ? t('amendments.note.obsolete', { number: by.number }) : null
  }
  if (a.status === 'conflict') return t(a.mergeNote === 'too_many_changes' ? 'amendments.note.too_many_changes' : 'amendments.note.conflict', { n: a.versionNumber })
  if ((a.status === 'taken_over' || a.status === 'adopted') && a.mergeNote === 'waiting') return t('amendments.note.waiting')
  return null
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
  /** The version whose text the propose form shows (chosen with ?version=, else the latest). */
  text?: ProposeText | undefined
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
  const proposeText = props.canPropose ? props.text : undefined
  return (
    <Layout ctx={ctx} title={t('amendments.title', { title: position.title })} errors={formErrors(form, roundForm, props.refusedReply ? replyForm(props.refusedReply.amendmentId, props.refusedReply) : null)} scripts={proposeText ? [AMENDMENTS_SCRIPT] : []} head={proposeText ? <link rel="stylesheet" href="/assets/editor.css" /> : undefined}>
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
          const note = mergeNoteText(t, a, props.amendments)
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
              {note ? <p class="amendment-note">{note}</p> : null}
              <AmendmentDiff ctx={ctx} quote={a.quote} text={a.text} passage={a.passage} replacement={a.content} />
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
          {proposeText === undefined ? (
            <p class="muted">{t('amendments.no_version')}</p>
          ) : (
            <ProposeAmendmentForm ctx={ctx} form={form} positionId={position.id} versions={props.versions} text={proposeText} />
          )}
        </section>
      ) : null}
    </Layout>
  )
}

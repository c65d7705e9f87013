import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { ProxyForms, type ProxyFormData } from '../proxies/proxy-form.tsx'
import { RoundProxies, type ShownProxy } from '../proxies/round-proxies.tsx'
import { SplitForms, splitText } from '../proxies/split-form.tsx'
import type { Split } from '../../../shared/rules/split.ts'
import { raw } from 'hono/html'
import { CommentsPanel } from '../comments/comments-panel.tsx'
import { CONTENT_MARK, contentMark, Sentence, WithContent } from '../with-content.tsx'
import { choicesFor, type Choice, type Electorate, type Majority, type RoundKind } from '../../../shared/rules/choices.ts'
import type { ShownResult } from '../../../shared/rules/secret-disclosure.ts'
import type { Totals } from '../../../shared/rules/tally.ts'
import { CheckboxField, ChoiceGroup, FormError, PostForm, TextArea } from '../form/field.tsx'
import { formErrors, formView, type FormView } from '../form/form-view.ts'
import { Layout, SuccessNotice, type PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'
import { HashLine } from '../versions/version-page.tsx'
import { ResultView } from './result-view.tsx'
import { CurrentAnswer, ReplaceConfirm, seenValue } from './replace-answer.tsx'
import { NotYetAnswered, QuorumWords, RoundChangeForms, RoundFlowNotices, roundChangeViews, type RoundFlow } from './round-flow.tsx'
import { choiceHint, choiceLabel, electorateLabel, kindLabel, majorityLabel } from './round-labels.ts'
import { participationText, quorumText } from './result-words.ts'
import { timeLeft } from './time-left.ts'

export interface BallotSlot {
  voterKey: string
  label: string
  answered: boolean
  /** Open rounds only. */
  choice: Choice | null
  reason: string | null
  /** Who gave the current answer and when (open rounds only); `byOther`: another delegate. */
  castByName: string | null
  castAt: number | null
  castByOther: boolean
  ballotId: string | null
  weight?: number
  /** Answering for another initiative through a proxy. */
  viaProxy?: boolean
  /** This initiative's vote is handed on: not answered here. */
  handedOn?: boolean
}

export interface BallotFormState {
  choice?: string
  reason?: string
  initiativeId?: string
  error?: string
  /** The field the error is about: reason, choice, initiativeId, passage. */
  field?: string
  /** The passage the objection or concern points at, as the page's script filled it in. */
  passage?: { from: string; to: string; quote: string }
}

export interface BallotPageProps {
  /** The comment threads on this version beside its text; canWrite: may start threads and reply. */
  comments?: { canWrite: boolean }
  ctx: PageContext
  now: number
  round: {
    id: string
    kind: RoundKind
    electorate: Electorate
    majority: Majority | null
    quorum: number
    secret: boolean
    visibility: 'open' | 'until_close' | 'secret'
    closesAt: number
    closedAt: number | null
    closed: boolean
    allowSplit?: boolean
  }
  position: { id: string; title: string }
  version: { number: number; hash: string; html: string }
  /** Changes from the previous version; null for version 1. */
  /** The changes to the previous version, rendered (web/views/versions/diff-view.tsx). */
  diff: { from: number; html: string } | null
  participation: Totals
  electorateSize: Totals
  slots: BallotSlot[]
  answers: Array<{ voter: string; choice: Choice; reason: string | null; castByName: string; split?: Split | null }> | null
  reasons: Array<{ choice: Choice; reason: string; voter: string | null }>
  result: ShownResult | null
  canClose: boolean
  /** Votes handed on in this round (server/proxies), and the forms to hand on or revoke. */
  proxies?: readonly ShownProxy[]
  proxyForms?: ProxyFormData | null
  form?: BallotFormState
  saved?: boolean
  flow: RoundFlow
}

/** /rounds/:id — the ballot page: the text under decision, the choices, and later the result. */
export function BallotPage(props: BallotPageProps) {
  const { ctx, round, position, version } = props
  const { t } = ctx
  const title = t('rounds.page.title', { kind: kindLabel(t, round.kind), title: position.title })
  const form = ballotForm(props)
  return (
    <Layout ctx={ctx} title={title} errors={formErrors(form, ...(round.closed ? [] : Object.values(roundChangeViews(props.flow, round.closesAt))))} scripts={props.comments ? ['/assets/comments.js'] : []}>
      <p class="breadcrumb">
        <a href={`/positions/${position.id}`}>{t('rounds.page.back')}</a>
      </p>
      <h1>
        <WithContent text={t('rounds.page.title', { kind: kindLabel(t, round.kind), title: CONTENT_MARK })} content={position.title} />
      </h1>
      <p class="lead">
        <Sentence text={t('rounds.page.about', { kind: kindLabel(t, round.kind), version: version.number, title: contentMark('title') })} content={{ title: position.title }} />
      </p>
      <RoundFlowNotices ctx={ctx} flow={props.flow} />
      <ul class="round-facts">
        <li>
          {t('rounds.page.settings', { electorate: electorateLabel(t, round.electorate), quorum: quorumText(round.quorum, ctx.locale) })}
          {round.majority ? ` ${majorityLabel(t, round.majority)}: ${t(`rounds.majority.${round.majority}.hint`)}` : ` ${t('rounds.kind.consent.hint')}`}
        </li>
        <li>
          <QuorumWords ctx={ctx} quorum={round.quorum} electorate={round.electorate} />
        </li>
        <li>
          {round.visibility === 'until_close'
            ? t(round.closed ? 'rounds.page.until_close.closed' : 'rounds.page.until_close')
            : round.secret
              ? t('rounds.page.secret')
              : t(round.closed ? 'rounds.page.open_ballots.closed' : 'rounds.page.open_ballots')}
        </li>
        {round.closed ? (
          <li>{t('rounds.closed_at', { date: formatDateTime(round.closedAt ?? round.closesAt, ctx.locale) })}</li>
        ) : (
          <li>
            <strong>{timeLeft(t, props.now, round.closesAt)}</strong> ({t('rounds.closes_at', { date: formatDateTime(round.closesAt, ctx.locale) })})
          </li>
        )}
        {/* The same words as the result sentence and the round history: voters counted, share by weight. */}
        <li>{participationText(t, props.participation, props.electorateSize, round.electorate)}</li>
      </ul>
      <NotYetAnswered ctx={ctx} flow={props.flow} electorate={round.electorate} />
      <RoundProxies ctx={ctx} proxies={props.proxies ?? []} />
      {props.result ? <ResultView ctx={ctx} result={props.result} electorate={round.electorate} closedAt={round.closedAt ?? round.closesAt} /> : null}
      {props.result ? (
        <p class="downloads no-print">
          <a href={`/api/rounds/${round.id}/result.csv`} download>
            {t('exchange.download_csv')}
          </a>
        </p>
      ) : null}
      <div class={props.comments ? 'text-with-comments' : undefined}>
        <section aria-labelledby="text-heading">
          <h2 id="text-heading">{t('rounds.page.text')}</h2>
          <div class="frozen-text prose" lang={CONTENT_LOCALE} data-comment-text>
            {raw(version.html)}
          </div>
          <HashLine ctx={ctx} hash={version.hash} />
        </section>
        {props.comments ? (
          <CommentsPanel ctx={ctx} positionId={position.id} canWrite={props.comments.canWrite} versionNumber={version.number} selectable={true} heading={2} />
        ) : null}
      </div>
      <section aria-labelledby="diff-heading">
        {props.diff ? (
          <details class="diff-details">
            <summary>
              <h2 id="diff-heading" class="summary-heading">
                {t('rounds.page.diff', { from: props.diff.from })}
              </h2>
            </summary>
            {raw(props.diff.html)}
          </details>
        ) : (
          <>
            <h2 id="diff-heading" class="visually-hidden">
              {t('versions.heading')}
            </h2>
            <p class="hint">{t('rounds.page.first_version')}</p>
          </>
        )}
      </section>
      {round.closed ? null : <BallotForm {...props} view={form} />}
      {round.closed || !round.allowSplit ? null : (
        <SplitForms ctx={ctx} roundId={round.id} kind={round.kind} slots={props.slots.filter((s) => !s.handedOn && !(round.secret && s.answered)).map((s) => ({ voterKey: s.voterKey, label: s.label, weight: s.weight ?? 1 }))} />
      )}
      <ProxyForms ctx={ctx} data={props.proxyForms} />
      <Answers {...props} />
      {round.closed ? null : <RoundChangeForms ctx={ctx} roundId={round.id} closesAt={round.closesAt} flow={props.flow} />}
      {props.canClose ? (
        <form method="post" action={`/rounds/${round.id}/close`} class="close-form">
          <p class="hint" id="close-hint">
            {t('rounds.page.close.hint')}
          </p>
          <CheckboxField form={formView({ prefix: 'close-' })} name="confirm" value="yes" checked={false} label={t('rounds.page.close.confirm')} required />
          <button type="submit" class="danger" aria-describedby="close-hint">
            {t('rounds.page.close')}
          </button>
        </form>
      ) : null}
    </Layout>
  )
}

/** The ballot form as its fields see it; the summary's links lead to the field, or the first radio button of a group. */
function ballotForm({ round, slots, form = {} }: BallotPageProps): FormView {
  const firstSlot = slots.find((s) => !round.secret || !s.answered)
  return formView({
    prefix: '',
    values: { choice: form.choice, reason: form.reason, initiativeId: form.initiativeId },
    problem: form.error ? { message: form.error, field: form.field } : null,
    fields: {
      reason: 'ballot-reason',
      choice: `choice-${choicesFor(round.kind)[0]}`,
      initiativeId: firstSlot ? `slot-${firstSlot.voterKey}` : 'ballot-heading',
      replace: 'ballot-replace',
      passage: 'ballot-passage-take',
    },
  })
}

function BallotForm({ ctx, round, slots, form = {}, saved, view, comments }: BallotPageProps & { view: FormView }) {
  const { t } = ctx
  if (slots.length === 0) return <p class="notice">{t('rounds.page.not_in_electorate')}</p>
  const handedOn = slots.filter((s) => s.handedOn)
  const own = slots.filter((s) => !s.handedOn)
  const open = round.secret ? own.filter((s) => !s.answered) : own
  const final = round.secret ? own.filter((s) => s.answered) : []
  const current = slots.filter((s) => s.choice !== null)
  const only = open.length === 1 ? open[0] : undefined
  const selectedSlot = form.initiativeId ?? only?.voterKey
  const preset = form.choice ?? (only?.choice ?? undefined)
  const presetReason = form.reason ?? only?.reason ?? ''
  return (
    <section aria-labelledby="ballot-heading">
      <h2 id="ballot-heading">{t('rounds.page.your_answer')}</h2>
      <SuccessNotice message={saved ? t('rounds.page.saved') : null} />
      {handedOn.map((s) => (
        <p class="notice">
          {s.label}: {t('error.proxy_active')}
        </p>
      ))}
      {final.map((s) => (
        <p>{t('rounds.page.voted_secret', { voter: s.label })}</p>
      ))}
      {current.map((s) => (
        <CurrentAnswer ctx={ctx} slot={s} />
      ))}
      {open.length === 0 ? null : (
        // The fragment (kept by the browser across the 303 too) scrolls back to this form, its error
        // or the confirmation; the page is long, and without it a phone shows the top.
        <PostForm action={`/rounds/${round.id}/ballot`} class="ballot-form" novalidate>
          <FormError form={view} />
          {round.electorate === 'initiatives' && open.length > 1 ? (
            <ChoiceGroup
              form={view}
              name="initiativeId"
              legend={t('rounds.page.answering_for')}
              selected={selectedSlot}
              choices={open.map((s) => ({
                value: s.voterKey,
                id: `slot-${s.voterKey}`,
                label: `${s.viaProxy ? t('proxies.for_initiative', { initiative: s.label }) : s.label}${s.choice ? ` (${choiceLabel(t, s.choice)})` : ''}`,
              }))}
            />
          ) : only && round.electorate === 'initiatives' ? (
            <input type="hidden" name="initiativeId" value={only.voterKey} />
          ) : null}
          <ChoiceGroup
            form={view}
            name="choice"
            legend={only && round.electorate === 'initiatives' ? t('rounds.page.answer_for', { voter: only.label }) : t('rounds.page.your_answer')}
            selected={preset}
            choices={choicesFor(round.kind).map((choice) => ({ value: choice, label: choiceLabel(t, choice), hint: choiceHint(t, choice) }))}
          />
          <TextArea
            form={view}
            name="reason"
            label={t('rounds.page.reason')}
            hint={t(round.kind === 'vote' ? 'rounds.page.reason.hint_vote' : 'rounds.page.reason.hint')}
            maxlength={4000}
            value={presetReason}
            lang={CONTENT_LOCALE}
          />
          {round.kind === 'consent' && !round.secret && comments?.canWrite ? <PassageChoice ctx={ctx} view={view} passage={form.passage} /> : null}
          <input type="hidden" name="seen" value={seenValue(open)} />
          <ReplaceConfirm ctx={ctx} slots={open} form={view} />
          <div>
            <button type="submit">{current.length && !round.secret ? t('rounds.page.change') : t('rounds.page.submit')}</button>
          </div>
        </PostForm>
      )}
    </section>
  )
}

/**
 * Where an objection or concern points in the text: the voter selects a passage in the frozen
 * text and takes it over here (web/scripts/comments/ballot-passage.ts fills the hidden fields).
 * Needs the script, so it stays hidden without it.
 */
function PassageChoice({ ctx, view, passage }: { ctx: PageContext; view: FormView; passage: BallotFormState['passage'] }) {
  const { t } = ctx
  const error = view.problem?.field === 'passage' ? view.problem.message : null
  return (
    <fieldset class="ballot-passage" data-ballot-passage hidden aria-describedby="ballot-passage-hint">
      <legend>{t('rounds.page.passage.legend')}</legend>
      <p class="hint" id="ballot-passage-hint">
        {t('rounds.page.passage.hint')}
      </p>
      {error ? (
        <p class="field-error" id="ballot-passage-error">
          {error}
        </p>
      ) : null}
      <p class="comment-selection" aria-live="polite">
        <span>{t('rounds.page.passage.chosen')}: </span>
        <span data-passage-quote lang={passage ? CONTENT_LOCALE : undefined} data-empty={passage ? 'false' : 'true'} data-none={t('rounds.page.passage.none')} data-select-first={t('rounds.page.passage.select_first')}>
          {passage ? `„${passage.quote}“` : t('rounds.page.passage.none')}
        </span>
      </p>
      <input type="hidden" name="passageFrom" value={passage?.from ?? ''} data-passage-from />
      <input type="hidden" name="passageTo" value={passage?.to ?? ''} data-passage-to />
      <input type="hidden" name="passageQuote" value={passage?.quote ?? ''} data-passage-text />
      <div class="comment-actions">
        <button type="button" class="secondary" id="ballot-passage-take" data-passage-take aria-describedby={error ? 'ballot-passage-error' : undefined}>
          {t('rounds.page.passage.take')}
        </button>
        <button type="button" class="secondary" data-passage-clear>
          {t('rounds.page.passage.clear')}
        </button>
      </div>
    </fieldset>
  )
}

function Answers({ ctx, round, answers, reasons }: BallotPageProps) {
  const { t } = ctx
  if (answers) {
    return (
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t('rounds.page.answers')}</h2>
        {answers.length === 0 ? (
          <p>{t(round.closed ? 'rounds.page.no_answers.closed' : 'rounds.page.no_answers')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(round.electorate === 'initiatives' ? 'rounds.electorate.initiatives' : 'rounds.electorate.members')}</th>
                  <th scope="col">{t('rounds.result.table.answer')}</th>
                </tr>
              </thead>
              <tbody>
                {answers.map((a) => (
                  <tr>
                    <th scope="row">
                      {a.voter}
                      {round.electorate === 'initiatives' ? <span class="muted block">{t('rounds.page.cast_by', { name: a.castByName })}</span> : null}
                    </th>
                    {/* The reason sits under the answer, not in a third column: a phone has room for two. */}
                    <td class={`answer-${a.choice}`}>
                      <strong>{a.split ? t('proxies.split.shown', { parts: splitText(t, a.split) }) : choiceLabel(t, a.choice)}</strong>
                      {a.reason ? (
                        <div class="reason-cell">
                          <span class="visually-hidden">{t('rounds.page.reason')}: </span>
                          <span lang={CONTENT_LOCALE}>{a.reason}</span>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    )
  }
  if (reasons.length === 0) return null
  return <ReasonList ctx={ctx} reasons={reasons} headingId="reasons-heading" />
}

/** Objections and concerns with their reasons (secret rounds: without names). */
export function ReasonList({ ctx, reasons, headingId, level = 2 }: { ctx: PageContext; reasons: Array<{ choice: Choice; reason: string; voter: string | null }>; headingId: string; level?: 2 | 3 | 4 }) {
  const { t } = ctx
  const Heading = `h${level}` as 'h2'
  return (
    <section aria-labelledby={headingId} class="reasons">
      <Heading id={headingId}>{t('rounds.page.reasons')}</Heading>
      <ul class="reason-list">
        {reasons.map((r) => (
          <li class={`reason reason-${r.choice}`}>
            <strong>{choiceLabel(t, r.choice)}</strong>
            {r.voter ? ` (${r.voter})` : ''}: <span lang={CONTENT_LOCALE}>{r.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import type { RoundResult } from '../../../shared/rules/outcome.ts'
import { FieldError, FormError, PostForm } from '../form/field.tsx'
import { errorId, formErrors, formView, type FormProblem, type FormValues, type FormView } from '../form/form-view.ts'
import { NotYetAnswered, RoundChangeForms, RoundFlowNotices, roundChangeViews, type RoundFlow } from '../rounds/round-flow.tsx'
import { timeLeft } from '../rounds/time-left.ts'
import { Layout, SuccessNotice, type PageContext } from '../layout.tsx'
import type { AmendmentRoundJson } from '../../../shared/amendments/amendment-round-json.ts'

export interface AmendmentBallotVoter {
  /** The initiative (or, in a members' round, the person) the answers count for. */
  key: string
  /** The initiative's name; null in a members' round. */
  name: string | null
  /** A secret round's answers are final once given. */
  answered: boolean
  choices: Record<string, string>
  /** The initiative's vote is handed on (proxies): its own delegates may not answer. */
  blocked?: true
  /** Answering for another initiative whose vote was handed to this person. */
  viaProxy?: true
}

export interface AmendmentBallotPageData {
  position: { id: string; title: string }
  round: AmendmentRoundJson
  voters: AmendmentBallotVoter[]
  canClose: boolean
  /** Short notice, extensions, a cancellation, who has not answered, the extend and cancel forms: as on any round. */
  flow: RoundFlow
}

export interface AmendmentBallotPageProps extends AmendmentBallotPageData {
  ctx: PageContext
  now: number
  saved?: boolean | undefined
  values?: FormValues | undefined
  problem?: FormProblem | null | undefined
}

const CHOICES = ['yes', 'no', 'abstain'] as const
type Item = AmendmentBallotPageData['round']['amendments'][number]

function Diff({ ctx, item }: { ctx: PageContext; item: Item }) {
  const { t } = ctx
  return (
    <p class="amendment-diff" lang={CONTENT_LOCALE}>
      <del aria-label={t('amendments.old')}>{item.quote}</del> {item.text === '' ? <em>{t('amendments.deletion')}</em> : <ins aria-label={t('amendments.new')}>{item.text}</ins>}
    </p>
  )
}

function ItemResult({ ctx, result, secret }: { ctx: PageContext; result: RoundResult; secret: boolean }) {
  const { t } = ctx
  const weight = (choice: 'yes' | 'no' | 'abstain') => result.tally[choice]?.weight ?? 0
  return (
    <p>
      <strong>{t(`amendments.round.outcome.${result.outcome}` as MessageKey)}</strong>
      {secret ? null : <> · {t('amendments.round.tally', { yes: weight('yes'), no: weight('no'), abstain: weight('abstain') })}</>}
      {' · '}
      {t('amendments.round.participation', { weight: result.participation.weight, total: result.electorate.weight })}
    </p>
  )
}

/** One voter's form: yes / no / abstain per amendment, each shown as its inline diff. */
function BallotForm({ ctx, data, voter, form, index }: { ctx: PageContext; data: AmendmentBallotPageData; voter: AmendmentBallotVoter; form: FormView; index: number }) {
  const { t } = ctx
  const entered = (id: string) => (form.problem ? form.values[`choice-${id}`] : voter.choices[id])
  return (
    <PostForm action={`/rounds/${data.round.id}/amendment-ballot`}>
      {voter.name ? <h3 lang={CONTENT_LOCALE}>{voter.viaProxy ? t('proxies.for_initiative', { initiative: voter.name }) : t('amendments.round.for', { name: voter.name })}</h3> : null}
      <input type="hidden" name="voter" value={voter.key} />
      <FieldError form={form} name="choices" />
      {data.round.amendments.map((item, i) => (
        <fieldset id={i === 0 ? form.fields.choices : undefined} tabindex={i === 0 ? -1 : undefined} aria-describedby={form.problem ? errorId(form, 'choices') : undefined}>
          <legend>{t('amendments.label', { number: item.number })}</legend>
          <Diff ctx={ctx} item={item} />
          {CHOICES.map((choice) => {
            const id = `v${index}-${item.id}-${choice}`
            return (
              <div class="choice">
                <input type="radio" id={id} name={`choice-${item.id}`} value={choice} checked={entered(item.id) === choice} />{' '}
                <label for={id}>{t(`rounds.choice.${choice}` as MessageKey)}</label>
              </div>
            )
          })}
        </fieldset>
      ))}
      <p>
        <button type="submit">{t('amendments.round.submit')}</button>
      </p>
    </PostForm>
  )
}

/** /rounds/:id of an amendment round: the ballot (works without JavaScript) and, once closed, the result per amendment. */
export function AmendmentBallotPage(props: AmendmentBallotPageProps) {
  const { ctx, round, position } = props
  const { t } = ctx
  // A refused form is the one of the voter it was posted for (or the only one).
  const refusedFor = (voter: AmendmentBallotVoter) => props.values !== undefined && (props.values.voter === voter.key || props.voters.length === 1)
  const forms = props.voters.map((voter, index) =>
    formView({
      prefix: `ballot${index}-`,
      values: refusedFor(voter) ? props.values : undefined,
      problem: refusedFor(voter) ? props.problem : null,
      fields: { choices: `ballot${index}-choices` },
    }),
  )
  const unplaced = props.problem && !forms.some((f) => f.problem) ? formView({ prefix: 'ballot-', problem: props.problem }) : null
  const change = roundChangeViews(props.flow, Date.parse(round.closesAt))
  return (
    <Layout ctx={ctx} title={t('amendments.round.title', { title: position.title })} errors={formErrors(...forms, unplaced, change.extend, change.cancel)}>
      <p class="breadcrumb">
        <a href={`/positions/${position.id}/amendments`}>{t('amendments.heading')}</a> ·{' '}
        <a href={`/positions/${position.id}`} lang={CONTENT_LOCALE}>
          {position.title}
        </a>
      </p>
      <h1>{t('amendments.round.heading')}</h1>
      <p class="muted">
        {round.status === 'open'
          ? t('amendments.round.open_left', { left: timeLeft(t, props.now, Date.parse(round.closesAt)) })
          : round.status === 'cancelled'
            ? t('amendments.round.cancelled')
            : t('amendments.round.closed')}
        {round.secret ? <> · {t('amendments.round.secret')}</> : null}
      </p>
      <RoundFlowNotices ctx={ctx} flow={props.flow} />
      {props.saved ? <SuccessNotice message={t('amendments.round.saved')} /> : null}
      {unplaced ? <FormError form={unplaced} /> : null}
      {round.status === 'open' ? (
        <section aria-labelledby="ballot-heading">
          <h2 id="ballot-heading">{t('amendments.round.ballot_heading')}</h2>
          <p class="hint">{t('amendments.round.ballot_hint')}</p>
          {props.voters.length === 0 ? <p class="muted">{t('amendments.round.not_voter')}</p> : null}
          {props.voters.map((voter, index) =>
            voter.blocked ? (
              <p class="notice">
                <span lang={CONTENT_LOCALE}>{voter.name}</span>: {t('error.proxy_active')}
              </p>
            ) : voter.answered ? (
              <p class="notice">{voter.name ? t('amendments.round.answered_for', { name: voter.name }) : t('amendments.round.answered')}</p>
            ) : (
              <>
                <FormError form={forms[index]!} />
                <BallotForm ctx={ctx} data={props} voter={voter} form={forms[index]!} index={index} />
              </>
            ),
          )}
          <p class="muted">{t('amendments.round.answered_count', { n: round.answered, total: round.voters.count })}</p>
          <NotYetAnswered ctx={ctx} flow={props.flow} electorate={round.electorate} />
          {props.canClose ? (
            <PostForm action={`/rounds/${round.id}/amendment-close`}>
              <button type="submit">{t('amendments.round.close')}</button>
            </PostForm>
          ) : null}
          <RoundChangeForms ctx={ctx} roundId={round.id} closesAt={Date.parse(round.closesAt)} flow={props.flow} />
        </section>
      ) : (
        <section aria-labelledby="result-heading">
          <h2 id="result-heading">{round.status === 'cancelled' ? t('amendments.round.in_round_heading') : t('amendments.round.result_heading')}</h2>
          <ol class="amendments">
            {round.amendments.map((item) => (
              <li class="amendment">
                <h3>
                  {t('amendments.label', { number: item.number })} · <span class="status">{t(`amendments.status.${item.status}` as MessageKey)}</span>
                </h3>
                <Diff ctx={ctx} item={item} />
                {item.result ? <ItemResult ctx={ctx} result={item.result} secret={round.secret} /> : null}
              </li>
            ))}
          </ol>
        </section>
      )}
    </Layout>
  )
}

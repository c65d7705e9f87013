import type { Context, Next } from 'hono'
import { Hono } from 'hono'
import { AmendmentBallotPage } from '../../web/views/amendments/amendment-ballot-page.tsx'
import type { FormProblem, FormValues } from '../../web/views/form/form-view.ts'
import { fail } from '../../shared/errors.ts'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import type { PageStatus } from '../http/render.tsx'
import { pageContext, render } from '../http/render.tsx'
import { readEntered, submitForm } from '../http/refused-form.ts'
import { amendmentBallotPageData } from './amendment-ballot-page.ts'
import { getAmendmentRound, itemsOf, type AmendmentChoice } from './amendment-round.repo.ts'
import { castAmendmentBallot } from './cast-amendment-ballot.ts'
import { closeAmendmentRound } from './close-amendment-round.ts'
import { cancelAmendmentRound, extendAmendmentRound } from './change-amendment-round.ts'
import { lateMessage } from '../rounds/late-ballot.ts'
import { submitCancelForm, submitExtendForm } from '../rounds/round-change-forms.ts'
import { nudgedFrom, type RoundFlowExtras } from '../rounds/round-flow-props.ts'

const CHOICES: readonly string[] = ['yes', 'no', 'abstain']

function page(c: Context<AppEnv>, options: { saved?: boolean; values?: FormValues; problem?: FormProblem; status?: PageStatus } & RoundFlowExtras = {}) {
  const { actor } = requirePerson(c)
  const deps = c.get('deps')
  const data = amendmentBallotPageData(deps, actor, c.req.param('id') ?? '', { late: options.late, changeForm: options.changeForm, nudged: options.nudged })
  return render(c, <AmendmentBallotPage ctx={pageContext(c)} now={deps.now()} {...data} saved={options.saved} values={options.values} problem={options.problem} />, options.status)
}

/** The answers a posted ballot form holds, one per amendment of the round (missing ones stay missing). */
function choicesOf(values: FormValues, amendmentIds: readonly string[]): Record<string, AmendmentChoice> {
  const choices: Record<string, AmendmentChoice> = {}
  for (const id of amendmentIds) {
    const value = values[`choice-${id}`]
    if (value === undefined) continue
    if (typeof value !== 'string' || !CHOICES.includes(value)) fail('validation', { key: 'amendments.error.choices' }, 'choices')
    choices[id] = value as AmendmentChoice
  }
  return choices
}

/** /rounds/:id of an amendment round (other rounds fall through to the rounds pages) and its forms, without JavaScript. */
export const amendmentRoundPages = new Hono<AppEnv>()
  .get('/rounds/:id', (c, next: Next) => {
    if (!getAmendmentRound(c.get('deps').db, c.req.param('id'))) return next()
    return page(c, { saved: c.req.query('saved') === '1', nudged: nudgedFrom(c.req.query('nudged')) })
  })
  .post('/rounds/:id/amendment-ballot', async (c) => {
    const { actor } = requirePerson(c)
    const deps = c.get('deps')
    const id = c.req.param('id')
    const round = getAmendmentRound(deps.db, id) ?? fail('not_found')
    const values = await readEntered(c)
    const result = await submitForm(c, () => {
      const choices = choicesOf(values, itemsOf(deps.db, round.id).map((i) => i.amendment_id))
      const voter = typeof values.voter === 'string' && values.voter !== '' ? values.voter : undefined
      return castAmendmentBallot(deps, actor, id, { choices, initiativeId: round.electorate === 'initiatives' ? voter : undefined })
    })
    if (result.ok) return c.redirect(`/rounds/${id}?saved=1#ballot-heading`, 303)
    // The round had ended: the page says when, and that these answers were not counted.
    if (result.error.code === 'round_closed') return page(c, { late: lateMessage(c, id), status: 409 })
    return page(c, { values, problem: result.problem, status: result.status })
  })
  .post('/rounds/:id/amendment-close', (c) => {
    const { actor } = requirePerson(c)
    closeAmendmentRound(c.get('deps'), actor, c.req.param('id'))
    return c.redirect(`/rounds/${c.req.param('id')}`, 303)
  })
  // The extend and cancel forms of any round (rounds/round-change-forms.ts); other rounds fall through.
  .post('/rounds/:id/extend', (c, next: Next) => {
    if (!getAmendmentRound(c.get('deps').db, c.req.param('id'))) return next()
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    return submitExtendForm(c, id, (closesAt, reason) => extendAmendmentRound(c.get('deps'), actor, id, { closesAt, reason }), (changeForm, status) => page(c, { changeForm, status }))
  })
  .post('/rounds/:id/cancel', (c, next: Next) => {
    if (!getAmendmentRound(c.get('deps').db, c.req.param('id'))) return next()
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    return submitCancelForm(c, id, (reason) => cancelAmendmentRound(c.get('deps'), actor, id, { reason }), (changeForm, status) => page(c, { changeForm, status }))
  })

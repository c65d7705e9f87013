import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { can } from '../../shared/policy.ts'
import { BallotPage, type BallotFormState } from '../../web/views/rounds/ballot-page.tsx'
import type { FormProblem } from '../../web/views/form/form-view.ts'
import type { OpenRoundValues } from '../../web/views/rounds/open-round-form.tsx'
import { OpenRoundPage } from '../../web/views/rounds/open-round-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { submitForm } from '../http/refused-form.ts'
import { pageContext, render, type PageStatus } from '../http/render.tsx'
import { readForm } from '../http/validate.ts'
import { readablePosition, versionsOf } from '../versions/read-versions.ts'
import { ballotPageProps } from './ballot-page-props.ts'
import { cancelRound } from './cancel-round.ts'
import { castBallot } from './cast-ballot.ts'
import { extendRound } from './extend-round.ts'
import { lateMessage } from './late-ballot.ts'
import { nudgedFrom, type RoundFlowExtras } from './round-flow-props.ts'
import { submitCancelForm, submitExtendForm } from './round-change-forms.ts'
import { seenFor } from '../../web/views/rounds/replace-answer.tsx'
import { closeRound } from './close-round.ts'
import { initiativeWeights } from './electorate.repo.ts'
import { readOpenRoundForm } from './open-round-form.ts'
import { openRound } from './open-round.ts'
import { ROUND_FIELD_MESSAGES } from './round-messages.ts'

const BallotForm = z
  .object({
    choice: z.string().max(32).optional(),
    reason: z.string().max(4000).optional(),
    initiativeId: z.string().max(64).optional(),
    /** Which answers the sender saw: "voterKey=ballotId …" (see replace-answer.tsx). */
    seen: z.string().max(4000).optional(),
    replace: z.string().max(5).optional(),
    /** A passage of the version the objection or concern points at (filled by the page's script). */
    passageFrom: z.string().max(12).optional(),
    passageTo: z.string().max(12).optional(),
    passageQuote: z.string().max(4000).optional(),
  })
  .strict()

/** The passage fields of the ballot form: both empty is none; anything else must be two positions. */
function passageOf(from: string | undefined, to: string | undefined): { from: number; to: number } | undefined {
  if (!from && !to) return undefined
  const position = /^\d{1,9}$/
  if (!from || !to || !position.test(from) || !position.test(to)) fail('validation', { key: 'rounds.error.passage_invalid' }, 'passage')
  return { from: Number(from), to: Number(to) }
}

const CloseForm = z.object({ confirm: z.string().max(10).optional() }).strict()


/** What the round forms show a refusal with: the messages for bare field refusals. */
const ROUND_FORM = { messages: ROUND_FIELD_MESSAGES } as const

export async function ballotPage(c: Context<AppEnv>, roundId: string, extras: { form?: BallotFormState; saved?: boolean; status?: PageStatus } & RoundFlowExtras = {}) {
  const { actor } = requirePerson(c)
  const props = await ballotPageProps(c.get('deps'), actor, pageContext(c), roundId, { late: extras.late, changeForm: extras.changeForm, nudged: extras.nudged })
  return render(c, <BallotPage {...props} form={extras.form} saved={extras.saved} />, extras.status ?? 200)
}


function openRoundPage(c: Context<AppEnv>, positionId: string, values?: OpenRoundValues, error?: FormProblem, status: PageStatus = 200) {
  const { actor } = requirePerson(c)
  const position = readablePosition(c.get('deps'), actor, positionId)
  if (!can(actor, { type: 'round.open', groupId: position.group_id })) fail('forbidden')
  const versions = versionsOf(c.get('deps'), actor, positionId).map((v) => ({ number: v.number, createdAt: v.created_at }))
  return render(
    c,
    <OpenRoundPage
      ctx={pageContext(c)}
      position={{ id: position.id, title: position.title }}
      positionId={position.id}
      now={c.get('deps').now()}
      versions={versions}
      values={values}
      error={error ?? null}
      initiativeWeights={initiativeWeights(c.get('deps').db)}
    />,
    status,
  )
}

/** The ballot page and its forms, and the coordinator's open-round form. */
export const roundsPages = new Hono<AppEnv>()
  .get('/rounds/:id', (c) => ballotPage(c, c.req.param('id'), { saved: c.req.query('saved') === '1', nudged: nudgedFrom(c.req.query('nudged')) }))
  .post('/rounds/:id/ballot', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    let entered: BallotFormState = {}
    const result = await submitForm(
      c,
      async () => {
        const form = await readForm(c, BallotForm)
        entered = {
          choice: form.choice,
          reason: form.reason,
          initiativeId: form.initiativeId,
          passage: form.passageFrom && form.passageTo ? { from: form.passageFrom, to: form.passageTo, quote: form.passageQuote ?? '' } : undefined,
        }
        if (!form.choice) fail('validation', undefined, 'choice')
        const initiativeId = form.initiativeId || undefined
        return castBallot(c.get('deps'), actor, id, {
          choice: form.choice,
          reason: form.reason,
          passage: passageOf(form.passageFrom, form.passageTo),
          initiativeId,
          replaces: initiativeId === undefined ? undefined : seenFor(form.seen, initiativeId),
          replace: form.replace === 'yes',
        })
      },
      ROUND_FORM,
    )
    // The action has no fragment (it would keep a refused form's error summary from taking the focus): the answer names it.
    if (result.ok) return c.redirect(`/rounds/${id}?saved=1#ballot-heading`, 303)
    // The round had ended: the page says when, and that this answer was not counted.
    if (result.error.code === 'round_closed') return ballotPage(c, id, { late: lateMessage(c, id), status: 409 })
    return ballotPage(c, id, { form: { ...entered, error: result.problem.message, field: result.problem.field }, status: result.status })
  })
  .post('/rounds/:id/close', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    // One tap must not end a round for good: the form carries a required confirmation box.
    const { confirm } = await readForm(c, CloseForm)
    if (confirm !== 'yes') fail('validation', { key: 'rounds.page.close.unconfirmed' }, 'confirm')
    closeRound(c.get('deps'), actor, id)
    return c.redirect(`/rounds/${id}`, 303)
  })
  .post('/rounds/:id/extend', (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    return submitExtendForm(c, id, (closesAt, reason) => extendRound(c.get('deps'), actor, id, { closesAt, reason }), (changeForm, status) => ballotPage(c, id, { changeForm, status }))
  })
  .post('/rounds/:id/cancel', (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    return submitCancelForm(c, id, (reason) => cancelRound(c.get('deps'), actor, id, { reason }), (changeForm, status) => ballotPage(c, id, { changeForm, status }))
  })
  .get('/positions/:id/rounds/new', (c) => openRoundPage(c, c.req.param('id')))
  .post('/positions/:id/rounds', async (c) => {
    const { actor } = requirePerson(c)
    const positionId = c.req.param('id')
    const form = await readOpenRoundForm(c)
    const result = await submitForm(c, () => openRound(c.get('deps'), actor, positionId, form.input()), {
      messages: ROUND_FIELD_MESSAGES,
      fields: { versionNumber: 'version' },
      // Not a coordinator: the form was never offered, so the error page says it.
      errorPage: ['unauthenticated', 'csrf', 'forbidden'],
    })
    if (result.ok) return c.redirect(`/rounds/${result.value.id}`, 303)
    return openRoundPage(c, positionId, form.values, result.problem, result.status)
  })

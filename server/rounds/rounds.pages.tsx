import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { AppError, fail } from '../../shared/errors.ts'
import { can } from '../../shared/policy.ts'
import { BallotPage, type BallotFormState } from '../../web/views/rounds/ballot-page.tsx'
import type { OpenRoundValues } from '../../web/views/rounds/open-round-form.tsx'
import { OpenRoundPage } from '../../web/views/rounds/open-round-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import { readForm } from '../http/validate.ts'
import { readablePosition, versionsOf } from '../versions/read-versions.ts'
import { ballotPageProps } from './ballot-page-props.ts'
import { CHANGE_REASON_MAX, cancelRound } from './cancel-round.ts'
import { castBallot } from './cast-ballot.ts'
import { extendRound } from './extend-round.ts'
import { lateMessage } from './late-ballot.ts'
import type { RoundFlowExtras } from './round-flow-props.ts'
import { seenFor } from '../../web/views/rounds/replace-answer.tsx'
import { fromLocalInput } from '../../web/views/rounds/zoned-time.ts'
import { closeRound } from './close-round.ts'
import { initiativeWeights } from './electorate.repo.ts'
import { readOpenRoundForm } from './open-round-form.ts'
import { openRound } from './open-round.ts'
import { withRoundMessages } from './round-messages.ts'

const BallotForm = z
  .object({
    choice: z.string().max(32).optional(),
    reason: z.string().max(4000).optional(),
    initiativeId: z.string().max(64).optional(),
    /** Which answers the sender saw: "voterKey=ballotId …" (see replace-answer.tsx). */
    seen: z.string().max(4000).optional(),
    replace: z.string().max(5).optional(),
  })
  .strict()

type PageStatus = 200 | 400 | 403 | 409

function statusOf(error: AppError): PageStatus {
  if (error.code === 'validation' || error.code === 'deadline_too_soon') return 400
  if (error.code === 'forbidden') return 403
  return 409
}

const CloseForm = z.object({ confirm: z.string().max(10).optional() }).strict()
const ExtendForm = z.object({ closesAt: z.string().max(40).optional(), reason: z.string().max(CHANGE_REASON_MAX).optional() }).strict()
const CancelForm = z.object({ reason: z.string().max(CHANGE_REASON_MAX).optional(), confirm: z.string().max(10).optional() }).strict()

const SHOWN_ON_FORM = new Set([
  'validation',
  'forbidden',
  'round_closed',
  'ballot_final',
  'round_open',
  'invalid_state',
  'not_found',
  'deadline_too_soon',
  'replace_unconfirmed',
  'ballot_changed',
])

async function ballotPage(c: Context<AppEnv>, roundId: string, extras: { form?: BallotFormState; saved?: boolean; status?: PageStatus } & RoundFlowExtras = {}) {
  const { actor } = requirePerson(c)
  const props = await ballotPageProps(c.get('deps'), actor, pageContext(c), roundId, { late: extras.late, changeForm: extras.changeForm })
  return render(c, <BallotPage {...props} form={extras.form} saved={extras.saved} />, extras.status ?? 200)
}

function openRoundPage(c: Context<AppEnv>, positionId: string, values?: OpenRoundValues, error?: { message: string; field?: string | undefined }, status: PageStatus = 200) {
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
  .get('/rounds/:id', (c) => ballotPage(c, c.req.param('id'), { saved: c.req.query('saved') === '1' }))
  .post('/rounds/:id/ballot', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    let entered: BallotFormState = {}
    try {
      const form = await readForm(c, BallotForm)
      entered = { choice: form.choice, reason: form.reason, initiativeId: form.initiativeId }
      if (!form.choice) fail('validation', c.get('t')('rounds.error.choice_invalid'), 'choice')
      const initiativeId = form.initiativeId || undefined
      await withRoundMessages(c, () =>
        castBallot(c.get('deps'), actor, id, {
          choice: form.choice!,
          reason: form.reason,
          initiativeId,
          replaces: initiativeId === undefined ? undefined : seenFor(form.seen, initiativeId),
          replace: form.replace === 'yes',
        }),
      )
    } catch (error) {
      if (!(error instanceof AppError) || !SHOWN_ON_FORM.has(error.code) || error.code === 'not_found') throw error
      // The round had ended: the page says when, and that this answer was not counted.
      if (error.code === 'round_closed') return ballotPage(c, id, { late: lateMessage(c, id), status: 409 })
      const message = error.hasOwnMessage ? error.message : c.get('t')(`error.${error.code}`)
      // Not confirming the replacement is about the box next to it; the form is shown again with it.
      const field = error.code === 'replace_unconfirmed' ? 'replace' : error.field
      return ballotPage(c, id, { form: { ...entered, error: message, field }, status: statusOf(error) })
    }
    return c.redirect(`/rounds/${id}?saved=1`, 303)
  })
  .post('/rounds/:id/close', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    // One tap must not end a round for good: the form carries a required confirmation box.
    const { confirm } = await readForm(c, CloseForm)
    if (confirm !== 'yes') fail('validation', c.get('t')('rounds.page.close.unconfirmed'), 'confirm')
    closeRound(c.get('deps'), actor, id)
    return c.redirect(`/rounds/${id}`, 303)
  })
  .post('/rounds/:id/extend', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    const form = await readForm(c, ExtendForm)
    const t = c.get('t')
    const refuse = (field: string, error: string) => ballotPage(c, id, { changeForm: { form: 'extend', field, error, closesAt: form.closesAt, reason: form.reason }, status: 400 })
    const closesAt = fromLocalInput((form.closesAt ?? '').trim())
    if (closesAt === null) return refuse('closesAt', t('rounds.error.closes_at_invalid'))
    if (!form.reason?.trim()) return refuse('reason', t('rounds.extend.reason_required'))
    try {
      extendRound(c.get('deps'), actor, id, { closesAt, reason: form.reason })
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation' && error.field === 'newClosesAt') return refuse('closesAt', t('rounds.extend.later'))
      throw error
    }
    // To the list of extensions (without a fragment, the form's #extend-form would reopen the form).
    return c.redirect(`/rounds/${id}#extensions-heading`, 303)
  })
  .post('/rounds/:id/cancel', async (c) => {
    const { actor } = requirePerson(c)
    const id = c.req.param('id')
    const form = await readForm(c, CancelForm)
    const t = c.get('t')
    const refuse = (field: string, error: string) => ballotPage(c, id, { changeForm: { form: 'cancel', field, error, reason: form.reason }, status: 400 })
    if (!form.reason?.trim()) return refuse('reason', t('rounds.cancel.reason_required'))
    // Like closing, one tap must not end a round for good.
    if (form.confirm !== 'yes') return refuse('confirm', t('rounds.cancel.unconfirmed'))
    cancelRound(c.get('deps'), actor, id, { reason: form.reason })
    return c.redirect(`/rounds/${id}#round-cancelled`, 303)
  })
  .get('/positions/:id/rounds/new', (c) => openRoundPage(c, c.req.param('id')))
  .post('/positions/:id/rounds', async (c) => {
    const { actor } = requirePerson(c)
    const positionId = c.req.param('id')
    const form = await readOpenRoundForm(c)
    if (!form.ok) return openRoundPage(c, positionId, form.values, form.error, 400)
    try {
      const round = await withRoundMessages(c, () => openRound(c.get('deps'), actor, positionId, form.input))
      return c.redirect(`/rounds/${round.id}`, 303)
    } catch (error) {
      if (!(error instanceof AppError) || !SHOWN_ON_FORM.has(error.code) || error.code === 'forbidden') throw error
      const message = error.hasOwnMessage ? error.message : c.get('t')(`error.${error.code}`)
      return openRoundPage(c, positionId, form.values, { message, field: error.field === 'versionNumber' ? 'version' : error.field }, statusOf(error))
    }
  })

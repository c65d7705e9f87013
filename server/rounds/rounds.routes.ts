import { Hono } from 'hono'
import { z } from 'zod'
import { CONSENT_CHOICES, ELECTORATES, MAJORITIES, ROUND_KINDS, VOTE_CHOICES } from '../../shared/rules/choices.ts'
import { VISIBILITIES, visibilityOf } from '../../shared/rules/visibility.ts'
import { fail } from '../../shared/errors.ts'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import { CHANGE_REASON_MAX, cancelRound } from './cancel-round.ts'
import { castBallot } from './cast-ballot.ts'
import { shownResultOf } from './shown-result.ts'
import { extendRound } from './extend-round.ts'
import { withLateMessage } from './late-ballot.ts'
import { closeRound } from './close-round.ts'
import { openRound } from './open-round.ts'
import { presentCast, presentRound, presentRoundSettings, presentRoundSummary } from './present-round.ts'
import { readRound, roundHistory } from './read-round.ts'
import { withRoundMessages } from './round-messages.ts'
import { SplitBody } from './split-answer.ts'

export const OpenRoundBody = z
  .object({
    kind: z.enum(ROUND_KINDS),
    electorate: z.enum(ELECTORATES).default('initiatives'),
    majority: z.enum(MAJORITIES).optional(),
    quorum: z.number().min(0).max(1),
    /** Kept for older clients: true is visibility "secret". */
    secret: z.boolean().optional(),
    visibility: z.enum(VISIBILITIES).optional(),
    closesAt: z.iso.datetime({ offset: true }),
    /** Needed for a deadline under 24 hours away, else the round is refused with deadline_too_soon. */
    shortNotice: z.object({ reason: z.string().min(1).max(CHANGE_REASON_MAX) }).strict().optional(),
    versionNumber: z.number().int().min(1).max(1_000_000).optional(),
    allowSplit: z.boolean().optional(),
  })
  .strict()

export const ExtendBody = z.object({ closesAt: z.iso.datetime({ offset: true }), reason: z.string().min(1).max(CHANGE_REASON_MAX) }).strict()
export const CancelBody = z.object({ reason: z.string().min(1).max(CHANGE_REASON_MAX) }).strict()

export const BallotBody = z
  .object({
    // Checked against the round's kind by the domain, so a wrong answer says "not in this round".
    choice: z.enum([...CONSENT_CHOICES, ...VOTE_CHOICES]).optional(),
    /** A split vote { "yes": 2, "abstain": 1 } instead of `choice` (rounds opened with allowSplit). */
    split: SplitBody.optional(),
    reason: z.string().max(4000).optional(),
    initiativeId: z.string().max(64).optional(),
    /** The `ballotId` of the answer this one replaces (null: none was seen); see cast-ballot.ts. */
    replaces: z.string().max(32).nullable().optional(),
    /** Confirms replacing another delegate's answer for the same initiative. */
    replace: z.boolean().optional(),
    /** An objection or concern pointed at a passage of the version (ProseMirror positions): its reason becomes a comment thread there. */
    passage: z.strictObject({ from: z.number().int().min(0).max(100_000_000), to: z.number().int().min(0).max(100_000_000) }).optional(),
  })
  .strict()

/** Mounted under /api. */
export const roundsRoutes = new Hono<AppEnv>()
  .post('/positions/:id/rounds', async (c) => {
    const { actor } = requirePerson(c)
    const { secret, visibility, shortNotice, ...body } = await readJson(c, OpenRoundBody)
    if (secret !== undefined && visibility !== undefined && secret !== (visibility === 'secret')) fail('validation', undefined, 'visibility')
    const round = await withRoundMessages(c, () =>
      openRound(c.get('deps'), actor, c.req.param('id'), {
        ...body,
        visibility: visibilityOf({ visibility, secret }),
        shortNoticeReason: shortNotice?.reason,
        closesAt: Date.parse(body.closesAt),
      }),
    )
    return c.json(presentRoundSettings(round), 201)
  })
  .get('/positions/:id/rounds', (c) => {
    const { actor } = requirePerson(c)
    return c.json({ rounds: roundHistory(c.get('deps'), actor, c.req.param('id')).map(presentRoundSummary) })
  })
  .get('/rounds/:id', (c) => {
    const { actor } = requirePerson(c)
    return c.json(presentRound(readRound(c.get('deps'), actor, c.req.param('id'))))
  })
  .put('/rounds/:id/ballot', async (c) => {
    const { actor } = requirePerson(c)
    const body = await readJson(c, BallotBody)
    const id = c.req.param('id')
    const cast = await withLateMessage(c, id, () => withRoundMessages(c, () => castBallot(c.get('deps'), actor, id, body)))
    return c.json(presentCast(cast))
  })
  .post('/rounds/:id/close', (c) => {
    const { actor } = requirePerson(c)
    const { round, result } = closeRound(c.get('deps'), actor, c.req.param('id'))
    return c.json({ round: presentRoundSettings(round), result: shownResultOf(c.get('deps').db, round, result) })
  })
  .post('/rounds/:id/extend', async (c) => {
    const { actor } = requirePerson(c)
    const body = await readJson(c, ExtendBody)
    const round = withRoundMessages(c, () => extendRound(c.get('deps'), actor, c.req.param('id'), { closesAt: Date.parse(body.closesAt), reason: body.reason }))
    return c.json(presentRoundSettings(round))
  })
  .post('/rounds/:id/cancel', async (c) => {
    const { actor } = requirePerson(c)
    const body = await readJson(c, CancelBody)
    return c.json(presentRoundSettings(withRoundMessages(c, () => cancelRound(c.get('deps'), actor, c.req.param('id'), body))))
  })

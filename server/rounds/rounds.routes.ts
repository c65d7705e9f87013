import { Hono } from 'hono'
import { z } from 'zod'
import { CONSENT_CHOICES, ELECTORATES, MAJORITIES, ROUND_KINDS, VOTE_CHOICES } from '../../shared/rules/choices.ts'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import { castBallot } from './cast-ballot.ts'
import { shownResultOf } from './shown-result.ts'
import { closeRound } from './close-round.ts'
import { openRound } from './open-round.ts'
import { presentCast, presentRound, presentRoundSettings, presentRoundSummary } from './present-round.ts'
import { readRound, roundHistory } from './read-round.ts'
import { withRoundMessages } from './round-messages.ts'

export const OpenRoundBody = z
  .object({
    kind: z.enum(ROUND_KINDS),
    electorate: z.enum(ELECTORATES).default('initiatives'),
    majority: z.enum(MAJORITIES).optional(),
    quorum: z.number().min(0).max(1),
    secret: z.boolean().default(false),
    closesAt: z.iso.datetime({ offset: true }),
    versionNumber: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict()

export const BallotBody = z
  .object({
    // Checked against the round's kind by the domain, so a wrong answer says "not in this round".
    choice: z.enum([...CONSENT_CHOICES, ...VOTE_CHOICES]),
    reason: z.string().max(4000).optional(),
    initiativeId: z.string().max(64).optional(),
  })
  .strict()

/** Mounted under /api. */
export const roundsRoutes = new Hono<AppEnv>()
  .post('/positions/:id/rounds', async (c) => {
    const { actor } = requirePerson(c)
    const body = await readJson(c, OpenRoundBody)
    const round = withRoundMessages(c, () =>
      openRound(c.get('deps'), actor, c.req.param('id'), { ...body, closesAt: Date.parse(body.closesAt) }),
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
    return c.json(presentCast(await withRoundMessages(c, () => castBallot(c.get('deps'), actor, c.req.param('id'), body))))
  })
  .post('/rounds/:id/close', (c) => {
    const { actor } = requirePerson(c)
    const { round, result } = closeRound(c.get('deps'), actor, c.req.param('id'))
    return c.json({ round: presentRoundSettings(round), result: shownResultOf(c.get('deps').db, round, result) })
  })

import type { Context, Next } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { ELECTORATES, MAJORITIES } from '../../shared/rules/choices.ts'
import { fail } from '../../shared/errors.ts'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { MAX_BODY_BYTES, parseWith, readJson } from '../http/validate.ts'
import { getAmendmentRound } from './amendment-round.repo.ts'
import { CHANGE_REASON_MAX } from '../rounds/round-change-input.ts'
import { withLateMessage } from '../rounds/late-ballot.ts'
import { withRoundMessages } from '../rounds/round-messages.ts'
import { CancelBody, ExtendBody } from '../rounds/rounds.routes.ts'
import { castAmendmentBallot } from './cast-amendment-ballot.ts'
import { cancelAmendmentRound, extendAmendmentRound } from './change-amendment-round.ts'
import { closeAmendmentRound } from './close-amendment-round.ts'
import { openAmendmentRound } from './open-amendment-round.ts'
import { presentAmendmentRound, readAmendmentRound } from './read-amendment-round.ts'

const OpenBody = z.strictObject({
  kind: z.literal('amendments'),
  amendmentIds: z.array(z.string().min(1).max(100)).min(1).max(100),
  electorate: z.enum(ELECTORATES).default('initiatives'),
  majority: z.enum(MAJORITIES).default('simple'),
  quorum: z.number().min(0).max(1),
  secret: z.boolean().default(false),
  /** The amendments are voted on and merged in the order of amendmentIds (needed when they overlap). */
  ordered: z.boolean().default(false),
  closesAt: z.iso.datetime({ offset: true }),
  /** Needed for a deadline under 24 hours away, as for any round, else deadline_too_soon. */
  shortNotice: z.strictObject({ reason: z.string().min(1).max(CHANGE_REASON_MAX) }).optional(),
  /** Accepted only to refuse it in words: an amendment's yes/no/abstain is not split (see below). */
  allowSplit: z.boolean().optional(),
})
const BallotBody = z.strictObject({
  choices: z.record(z.string().min(1).max(100), z.enum(['yes', 'no', 'abstain'])),
  initiativeId: z.string().min(1).max(100).optional(),
  split: z.unknown().optional(),
})

/**
 * Split votes (rounds opened with allowSplit) divide one answer's weight; an amendment round asks
 * one answer per amendment, so each initiative answers with its whole weight: refused in words.
 */
function refuseSplit(field: 'allowSplit' | 'split'): never {
  fail('validation', { key: 'amendments.round.split_refused' }, field)
}

/**
 * Opening a round reads the body to see its kind. Hono keeps the text it read (bodyCache), so
 * the rounds route can read it again when the round is not about amendments.
 */
async function bodyKind(c: Context<AppEnv>): Promise<{ kind: unknown; data: unknown }> {
  if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) return { kind: undefined, data: undefined }
  if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES) fail('payload_too_large')
  const text = await c.req.text()
  try {
    const data = JSON.parse(text) as unknown
    return { kind: typeof data === 'object' && data !== null ? (data as { kind?: unknown }).kind : undefined, data }
  } catch {
    return { kind: undefined, data: undefined }
  }
}

/** A round id that is an amendment round's; else the rounds routes answer. */
function amendmentRound(c: Context<AppEnv>) {
  return getAmendmentRound(c.get('deps').db, c.req.param('id') ?? '')
}

/** /api: rounds that vote on amendments; they share the URLs of rounds on a version. */
export const amendmentRoundsRoutes = new Hono<AppEnv>()
  .post('/positions/:id/rounds', async (c, next: Next) => {
    const { kind, data } = await bodyKind(c)
    if (kind !== 'amendments') return next()
    const { actor } = requirePerson(c)
    const input = parseWith(c, OpenBody, data)
    if (input.allowSplit) refuseSplit('allowSplit')
    const deps = c.get('deps')
    const { shortNotice, allowSplit: _split, ...settings } = input
    const round = withRoundMessages(c, () => openAmendmentRound(deps, actor, c.req.param('id'), { ...settings, shortNoticeReason: shortNotice?.reason, closesAt: Date.parse(input.closesAt) }))
    return c.json(presentAmendmentRound(deps, actor, round), 201)
  })
  .get('/rounds/:id', async (c, next: Next) => {
    if (!amendmentRound(c)) return next()
    const { actor } = requirePerson(c)
    c.header('Cache-Control', 'no-store')
    return c.json(readAmendmentRound(c.get('deps'), actor, c.req.param('id')))
  })
  .put('/rounds/:id/ballot', async (c, next: Next) => {
    if (!amendmentRound(c)) return next()
    const { actor } = requirePerson(c)
    const { split, ...input } = await readJson(c, BallotBody)
    if (split !== undefined) refuseSplit('split')
    const id = c.req.param('id')
    return c.json(await withLateMessage(c, id, () => castAmendmentBallot(c.get('deps'), actor, id, input)))
  })
  .post('/rounds/:id/close', async (c, next: Next) => {
    if (!amendmentRound(c)) return next()
    const { actor } = requirePerson(c)
    const deps = c.get('deps')
    return c.json(presentAmendmentRound(deps, actor, closeAmendmentRound(deps, actor, c.req.param('id'))))
  })
  // Extend and cancel: the same bodies, rules and refusals as for a round on a version (rounds.routes.ts).
  .post('/rounds/:id/extend', async (c, next: Next) => {
    if (!amendmentRound(c)) return next()
    const { actor } = requirePerson(c)
    const body = await readJson(c, ExtendBody)
    const deps = c.get('deps')
    const round = withRoundMessages(c, () => extendAmendmentRound(deps, actor, c.req.param('id'), { closesAt: Date.parse(body.closesAt), reason: body.reason }))
    return c.json(presentAmendmentRound(deps, actor, round))
  })
  .post('/rounds/:id/cancel', async (c, next: Next) => {
    if (!amendmentRound(c)) return next()
    const { actor } = requirePerson(c)
    const body = await readJson(c, CancelBody)
    const deps = c.get('deps')
    return c.json(presentAmendmentRound(deps, actor, withRoundMessages(c, () => cancelAmendmentRound(deps, actor, c.req.param('id'), body))))
  })

import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import { decideAmendment } from './decide-amendment.ts'
import { mergeAgain } from './merge-amendment.ts'
import { proposeAmendment } from './propose-amendment.ts'
import { readAmendment, readAmendments } from './read-amendments.ts'
import { setSupport } from './support-amendment.ts'
import { versionAmendments } from './version-amendments.ts'

export const MAX_AMENDMENT_TEXT = 20_000
export const MAX_AMENDMENT_REASON = 5_000

const position = z.number().int().min(0).max(100_000_000)
const ProposeBody = z.strictObject({
  versionNumber: z.number().int().min(1).max(1_000_000),
  from: position,
  to: position,
  text: z.string().max(MAX_AMENDMENT_TEXT).optional(),
  content: z.array(z.unknown()).max(500).optional(),
  reason: z.string().trim().min(1).max(MAX_AMENDMENT_REASON),
  initiativeId: z.string().min(1).max(100).optional(),
})
const SupportBody = z.strictObject({ initiativeId: z.string().min(1).max(100).optional() })
const DecisionBody = z.strictObject({ decision: z.enum(['take_over', 'reject']), reason: z.string().max(MAX_AMENDMENT_REASON).optional() })

async function optionalJson<S extends z.ZodType>(c: Parameters<typeof readJson>[0], schema: S): Promise<z.infer<S>> {
  return c.req.header('content-type') ? readJson(c, schema) : schema.parse({})
}

/** /api: amendments (Änderungsanträge) of a position: propose, list, support, decide, merge. */
export const amendmentsRoutes = new Hono<AppEnv>()
  .post('/positions/:id/amendments', async (c) => {
    const { actor } = requirePerson(c)
    const input = await readJson(c, ProposeBody)
    if ((input.text === undefined) === (input.content === undefined)) fail('validation', undefined, 'text')
    const deps = c.get('deps')
    const row = proposeAmendment(deps, actor, c.req.param('id'), input)
    return c.json({ id: row.id, number: row.number, status: row.status }, 201)
  })
  .get('/positions/:id/amendments', (c) => {
    const { actor } = requirePerson(c)
    c.header('Cache-Control', 'no-store')
    return c.json(readAmendments(c.get('deps'), actor, c.req.param('id')))
  })
  .get('/positions/:id/versions/:n/amendments', (c) => {
    const { actor } = requirePerson(c)
    const n = Number(c.req.param('n'))
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) fail('not_found')
    return c.json(versionAmendments(c.get('deps'), actor, c.req.param('id'), n))
  })
  .get('/amendments/:id', (c) => {
    requirePerson(c)
    return c.json(readAmendment(c.get('deps'), c.req.param('id')))
  })
  .post('/amendments/:id/support', async (c) => {
    const { actor } = requirePerson(c)
    const { initiativeId } = await optionalJson(c, SupportBody)
    setSupport(c.get('deps'), actor, c.req.param('id'), true, initiativeId)
    return c.json(readAmendment(c.get('deps'), c.req.param('id')))
  })
  .delete('/amendments/:id/support', async (c) => {
    const { actor } = requirePerson(c)
    const { initiativeId } = await optionalJson(c, SupportBody)
    setSupport(c.get('deps'), actor, c.req.param('id'), false, initiativeId)
    return c.json(readAmendment(c.get('deps'), c.req.param('id')))
  })
  .post('/amendments/:id/decision', async (c) => {
    const { actor } = requirePerson(c)
    const { decision, reason } = await readJson(c, DecisionBody)
    decideAmendment(c.get('deps'), actor, c.req.param('id'), decision, reason)
    return c.json(readAmendment(c.get('deps'), c.req.param('id')))
  })
  .post('/amendments/:id/merge', (c) => {
    const { actor } = requirePerson(c)
    mergeAgain(c.get('deps'), actor, c.req.param('id'))
    return c.json(readAmendment(c.get('deps'), c.req.param('id')))
  })

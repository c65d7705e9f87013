import { Hono } from 'hono'
import { z } from 'zod'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import { coSign, takeBackSignature } from './co-sign.ts'
import { publicUrlOf } from './present-publication.ts'
import { publishPosition } from './publish-position.ts'
import { withdrawPosition } from './withdraw-position.ts'

export const SUMMARY_MAX = 500
export const REASON_MAX = 1000

export const PublishBody = z.strictObject({ summary: z.string().max(SUMMARY_MAX).optional() })
export const WithdrawBody = z.strictObject({ reason: z.string().trim().min(1).max(REASON_MAX) })
export const SignBody = z.strictObject({ initiativeId: z.string().min(1).max(64) })

/** /api/positions/:id/…: publish, withdraw, co-sign. */
export const publishingRoutes = new Hono<AppEnv>()
  .post('/:id/publish', async (c) => {
    const { actor } = requirePerson(c)
    const input = await readJson(c, PublishBody)
    const row = publishPosition(c.get('deps'), actor, c.req.param('id'), input)
    return c.json({ url: publicUrlOf(c.get('deps').config.publicUrl, row.slug), slug: row.slug, status: 'published' })
  })
  .post('/:id/withdraw', async (c) => {
    const { actor } = requirePerson(c)
    const input = await readJson(c, WithdrawBody)
    const row = withdrawPosition(c.get('deps'), actor, c.req.param('id'), input)
    return c.json({
      url: publicUrlOf(c.get('deps').config.publicUrl, row.slug),
      slug: row.slug,
      status: 'withdrawn',
      withdrawnAt: new Date(row.withdrawn_at ?? 0).toISOString(),
      reason: row.withdraw_reason,
    })
  })
  .post('/:id/signatures', async (c) => {
    const { actor } = requirePerson(c)
    const { initiativeId } = await readJson(c, SignBody)
    const added = coSign(c.get('deps'), actor, c.req.param('id'), initiativeId)
    return c.json({ positionId: c.req.param('id'), initiativeId, signed: true }, added ? 201 : 200)
  })
  .delete('/:id/signatures/:initiativeId', (c) => {
    const { actor } = requirePerson(c)
    takeBackSignature(c.get('deps'), actor, c.req.param('id'), c.req.param('initiativeId'))
    return c.body(null, 204)
  })

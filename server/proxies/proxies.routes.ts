import { Hono } from 'hono'
import { z } from 'zod'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import { grantProxy } from './grant-proxy.ts'
import { setMaxVotes } from './proxy-settings.ts'
import { revokeProxy } from './revoke-proxy.ts'

export const GrantProxyBody = z.object({ toPersonId: z.string().min(1).max(64), roundId: z.string().min(1).max(64).optional() }).strict()
export const ProxySettingsBody = z.object({ maxVotes: z.number().int().min(1).max(100) }).strict()

/** Mounted under /api. */
export const proxiesRoutes = new Hono<AppEnv>()
  .post('/initiatives/:id/proxies', async (c) => {
    const { actor } = requirePerson(c)
    const body = await readJson(c, GrantProxyBody)
    return c.json(grantProxy(c.get('deps'), actor, c.req.param('id'), body), 201)
  })
  .delete('/proxies/:id', (c) => {
    const { actor } = requirePerson(c)
    revokeProxy(c.get('deps'), actor, c.req.param('id'))
    return c.body(null, 204)
  })
  .put('/alliance/proxy-settings', async (c) => {
    const { actor } = requirePerson(c)
    const body = await readJson(c, ProxySettingsBody)
    return c.json(setMaxVotes(c.get('deps'), actor, body.maxVotes))
  })

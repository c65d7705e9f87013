import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import { changeOwnAccount } from '../people/change-own-account.ts'
import { presentMe, presentUser } from '../people/me.ts'
import { loadActor } from '../people/load-actor.ts'
import { clientIp } from './client-ip.ts'
import { endSession } from './end-session.ts'
import { requireCan, requirePerson } from './guards.ts'
import { logIn } from './log-in.ts'
import { clearSessionCookie, forgetBrowserStorage, writeSessionCookie } from './session-cookie.ts'
import { sessionExpiresAt } from './sessions.ts'

export const LogInBody = z
  .object({
    email: z.string().trim().min(1).max(320),
    // Longer than any allowed password (256 characters, up to 2 UTF-16 units each).
    password: z.string().min(1).max(1024),
  })
  .strict()

const PatchMeBody = z
  .object({
    name: z.string().max(200).optional(),
    locale: z.string().max(35).nullable().optional(),
    password: z.string().max(1024).optional(),
    currentPassword: z.string().max(1024).optional(),
  })
  .strict()

/** `/api/session` and `/api/me`: JSON login, logout and the own account. */
export const sessionRoutes = new Hono<AppEnv>()
  .post('/session', async (c) => {
    const input = await readJson(c, LogInBody)
    const previous = c.get('current')
    const { person, token, session } = await logIn(c.get('deps'), { ...input, ip: clientIp(c) })
    if (previous) endSession(c.get('deps'), previous.sessionId)
    writeSessionCookie(c, token, sessionExpiresAt(session))
    return c.json({ user: presentUser(person) })
  })
  .delete('/session', (c) => {
    const current = c.get('current')
    if (current) endSession(c.get('deps'), current.sessionId)
    clearSessionCookie(c)
    forgetBrowserStorage(c)
    return c.body(null, 204)
  })
  .get('/me', (c) => {
    const { person, actor } = requirePerson(c)
    c.header('Cache-Control', 'no-store')
    return c.json(presentMe(person, actor))
  })
  .patch('/me', async (c) => {
    const current = requireCan(c, { type: 'self.edit' })
    const input = await readJson(c, PatchMeBody)
    const { person, newSession } = await changeOwnAccount(c.get('deps'), current.person.id, input, clientIp(c))
    if (newSession) writeSessionCookie(c, newSession.token, sessionExpiresAt(newSession.session))
    return c.json(presentMe(person, loadActor(c.get('deps').db, person)))
  })

import { Hono } from 'hono'
import { z } from 'zod'
import { NOTIFICATION_KINDS, NOTIFICATION_MODES, type NotificationKind } from '../../shared/notifications/kinds.ts'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readJson } from '../http/validate.ts'
import { notificationsOf } from './notification-list.ts'
import { readSettings, updateSettings } from './notification-settings.ts'
import { nudgeFromRequest } from './nudge-round-edge.ts'

const Mode = z.enum(NOTIFICATION_MODES)
export const SettingsBody = z
  .object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, Mode.optional()])) as Record<NotificationKind, z.ZodOptional<typeof Mode>>)
  .strict()

/** Mounted under /api. */
export const notificationsRoutes = new Hono<AppEnv>()
  .get('/me/notifications', (c) => {
    const { person } = requirePerson(c)
    return c.json({ notifications: notificationsOf(c.get('deps'), person.id, c.get('locale')) })
  })
  .get('/me/notification-settings', (c) => {
    const { person } = requirePerson(c)
    return c.json(readSettings(c.get('deps'), person.id))
  })
  .put('/me/notification-settings', async (c) => {
    const { person } = requirePerson(c)
    const body = await readJson(c, SettingsBody)
    return c.json(updateSettings(c.get('deps'), person.id, body))
  })
  .post('/rounds/:id/nudge', (c) => {
    return c.json({ reminded: nudgeFromRequest(c, c.req.param('id')) })
  })

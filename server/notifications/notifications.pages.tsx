import { Hono } from 'hono'
import { z } from 'zod'
import { ESSENTIAL_KINDS, NOTIFICATION_KINDS, NOTIFICATION_MODES, type NotificationKind } from '../../shared/notifications/kinds.ts'
import { MailAdminPage } from '../../web/views/notifications/mail-admin-page.tsx'
import { NotificationsPage } from '../../web/views/notifications/notifications-page.tsx'
import { UnsubscribePage } from '../../web/views/notifications/unsubscribe-page.tsx'
import { requireCan, requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import { readForm } from '../http/validate.ts'
import { calendarFeed, renewCalendarFeed } from './calendar-feed.ts'
import { openNotifications } from './notification-list.ts'
import { updateSettings } from './notification-settings.ts'
import { outboxOverview } from './outbox.repo.ts'
import { nudgeFromRequest } from './nudge-round-edge.ts'
import { inspectUnsubscribe, unsubscribe, type UnsubscribeTarget } from './unsubscribe.ts'

const Mode = z.enum(NOTIFICATION_MODES)
const SettingsForm = z
  .object(Object.fromEntries(NOTIFICATION_KINDS.filter((k) => !ESSENTIAL_KINDS.includes(k)).map((k) => [k, Mode.optional()])) as Record<NotificationKind, z.ZodOptional<typeof Mode>>)
  .strict()

function kindLabel(t: (k: `notify.kind.${NotificationKind}` | 'notify.digest.action') => string, target: UnsubscribeTarget): string {
  return target.kinds.length === 1 ? t(`notify.kind.${target.kinds[0]!}`) : target.kinds.map((k) => t(`notify.kind.${k}`)).join(', ')
}

/** Pages: the notification list, one-click unsubscribe, settings forms, the calendar feed, the admin's mail page. */
export const notificationsPages = new Hono<AppEnv>()
  .get('/notifications', (c) => {
    const { person } = requirePerson(c)
    const items = openNotifications(c.get('deps'), person.id, c.get('locale'))
    // The header of this page already counts them read.
    return render(c, <NotificationsPage ctx={{ ...pageContext(c) }} items={items.map((n) => ({ ...n, createdAt: Date.parse(n.createdAt) }))} />)
  })
  .get('/unsubscribe/:token', (c) => {
    const target = inspectUnsubscribe(c.get('deps'), c.req.param('token'))
    return render(c, <UnsubscribePage ctx={pageContext(c)} action={c.req.path} email={target.email} kindLabel={kindLabel(c.get('t'), target)} done={false} />)
  })
  // RFC 8058: the mail client posts "List-Unsubscribe=One-Click" here, without cookies or Origin;
  // the signed token is the proof (server/http/same-origin.ts lets this path through).
  .post('/unsubscribe/:token', (c) => {
    const target = unsubscribe(c.get('deps'), c.req.param('token'))
    return render(c, <UnsubscribePage ctx={pageContext(c)} action={c.req.path} email={target.email} kindLabel={kindLabel(c.get('t'), target)} done />)
  })
  .post('/me/notification-settings', async (c) => {
    const { person } = requirePerson(c)
    updateSettings(c.get('deps'), person.id, await readForm(c, SettingsForm))
    return c.redirect('/me?saved=notifications#notifications', 303)
  })
  .post('/me/calendar', (c) => {
    const { person } = requirePerson(c)
    renewCalendarFeed(c.get('deps'), person.id)
    return c.redirect('/me#calendar', 303)
  })
  .get('/calendar/:file{.+\\.ics}', (c) => {
    const ics = calendarFeed(c.get('deps'), c.req.param('file').replace(/\.ics$/, ''))
    c.header('Cache-Control', 'no-store')
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8' })
  })
  .post('/rounds/:id/nudge', (c) => {
    const n = nudgeFromRequest(c, c.req.param('id'))
    return c.redirect(`/rounds/${c.req.param('id')}?nudged=${n}#nudge-status`, 303)
  })
  .get('/admin/mail', (c) => {
    requireCan(c, { type: 'admin.manage' })
    const deps = c.get('deps')
    const o = outboxOverview(deps.db, 50)
    const view = (rows: typeof o.waitingRows) =>
      rows.map((r) => ({ to: r.to_address, subject: r.subject, locale: r.locale, createdAt: r.created_at, attempts: r.attempts, error: r.last_error }))
    return render(
      c,
      <MailAdminPage
        ctx={pageContext(c)}
        configured={deps.notifications.mailConfigured}
        host={deps.notifications.smtpHost}
        from={deps.notifications.mailFrom}
        waiting={{ count: o.waiting, rows: view(o.waitingRows) }}
        failed={{ count: o.failed, rows: view(o.failedRows) }}
        sent={{ count: o.sent, rows: view(o.sentRows.slice(0, 10)) }}
      />,
    )
  })

import type { Locale } from '../../shared/i18n/index.ts'
import type { NotificationKind } from '../../shared/notifications/kinds.ts'
import type { Deps } from '../deps.ts'
import type { Facts } from './kinds.ts'
import { listNotifications, markAllRead } from './notification.repo.ts'
import { renderNotification } from './render-notification.ts'

export interface NotificationItem {
  id: string
  kind: NotificationKind
  title: string
  /** The position title inside `title` (German content, marked as such on the page), if any. */
  about: string | null
  url: string
  createdAt: string
  read: boolean
}

/** A person's latest notifications, titled in their language. */
export function notificationsOf(deps: Pick<Deps, 'db' | 'config' | 'languages'>, personId: string, locale: Locale, limit = 100): NotificationItem[] {
  const t = deps.languages.translator(locale)
  return listNotifications(deps.db, personId, limit).map((n) => {
    const facts = JSON.parse(n.payload) as Facts
    return {
      id: n.id,
      kind: n.kind as NotificationKind,
      title: renderNotification(n.kind as NotificationKind, facts, t, deps.config.publicUrl).subject,
      about: facts.title ?? null,
      url: n.url,
      createdAt: new Date(n.created_at).toISOString(),
      read: n.read_at !== null,
    }
  })
}

/** Opening the list marks everything in it read; returns the list as it was (unread ones still marked unread). */
export function openNotifications(deps: Deps, personId: string, locale: Locale): NotificationItem[] {
  const items = notificationsOf(deps, personId, locale)
  markAllRead(deps.db, personId, deps.now())
  return items
}

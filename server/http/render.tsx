import type { Context } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { PageContext } from '../../web/views/layout.tsx'
import type { AppEnv } from './app-env.ts'
import { unreadCount } from '../notifications/notification.repo.ts'

/** What every page view needs to know about the request. */
export function pageContext(c: Context<AppEnv>): PageContext {
  const current = c.get('current')
  const url = new URL(c.req.url)
  return {
    t: c.get('t'),
    locale: c.get('locale'),
    viewer: current ? { name: current.person.name, isAdmin: current.actor.isAdmin, unread: unreadCount(c.get('deps').db, current.person.id) } : null,
    path: url.pathname + url.search,
    languages: c.get('deps').languages,
  }
}

/** The statuses a rendered page answers with. */
export type PageStatus = 200 | 201 | 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500

export function render(c: Context<AppEnv>, page: JSX.Element, status: PageStatus = 200) {
  c.header('Cache-Control', 'no-store')
  return c.html('<!doctype html>' + String(page), status)
}

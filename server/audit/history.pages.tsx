import { Hono } from 'hono'
import { HistoryPage } from '../../web/views/exports/history-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import type { LoggedEvent } from './audit-log.repo.ts'
import { positionHistory } from './read-history.ts'

export function presentEvent(e: LoggedEvent) {
  let data: Record<string, unknown> = {}
  try {
    const parsed = JSON.parse(e.data) as unknown
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>
  } catch {
    // A broken row still shows, without details.
  }
  return { id: e.id, at: e.at, actorName: e.actor_name, action: e.action, objectType: e.object_type, objectId: e.object_id, data, hash: e.hash }
}

/** /positions/:id/history */
export const historyPages = new Hono<AppEnv>().get('/positions/:id/history', (c) => {
  const { actor } = requirePerson(c)
  const { position, events } = positionHistory(c.get('deps'), actor, c.req.param('id'))
  return render(c, <HistoryPage ctx={pageContext(c)} position={{ id: position.id, title: position.title }} events={events.map(presentEvent)} />)
})

import { Hono } from 'hono'
import { z } from 'zod'
import { AuditPage } from '../../web/views/exports/audit-page.tsx'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { pageContext, render } from '../http/render.tsx'
import { readQuery } from '../http/validate.ts'
import { presentEvent } from './history.pages.tsx'
import { auditLog } from './read-history.ts'

const AuditQuery = z.strictObject({
  person: z.string().max(64).optional(),
  position: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  before: z.string().max(12).regex(/^\d+$/).optional(),
})

/** /admin/audit */
export const auditPages = new Hono<AppEnv>().get('/admin/audit', (c) => {
  const { actor } = requirePerson(c)
  const q = readQuery(c, AuditQuery)
  const filter = { person: q.person?.trim() ?? '', position: q.position?.trim() ?? '', action: q.action?.trim() ?? '' }
  const log = auditLog(c.get('deps'), actor, {
    personId: filter.person || undefined,
    positionId: filter.position || undefined,
    action: filter.action || undefined,
    beforeId: q.before ? Number(q.before) : undefined,
  })
  const last = log.events.at(-1)
  const next = log.more && last ? `/admin/audit?${new URLSearchParams({ ...filter, before: String(last.id) }).toString()}` : null
  return render(c, <AuditPage ctx={pageContext(c)} events={log.events.map(presentEvent)} actions={log.actions} people={log.people} filter={filter} next={next} />)
})

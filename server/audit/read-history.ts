import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from '../positions/position.repo.ts'
import { eventActions, eventActors, filteredEvents, positionEvents, type AuditFilter, type LoggedEvent } from './audit-log.repo.ts'

/** A position's history for everyone who may read it (the same right as the position page). */
export function positionHistory(deps: Deps, actor: Actor, positionId: string) {
  if (!can(actor, { type: 'position.read' })) fail('forbidden')
  const position = getPosition(deps.db, positionId) ?? fail('not_found')
  return { position, events: positionEvents(deps.db, positionId) }
}

export const AUDIT_PAGE_SIZE = 100

/** The admin's view of the whole log, one page at a time. */
export function auditLog(deps: Deps, actor: Actor, filter: Omit<AuditFilter, 'limit'>): { events: LoggedEvent[]; actions: string[]; people: Array<{ id: string; name: string }>; more: boolean } {
  if (!can(actor, { type: 'admin.manage' })) fail('forbidden')
  const events = filteredEvents(deps.db, { ...filter, limit: AUDIT_PAGE_SIZE + 1 })
  return { events: events.slice(0, AUDIT_PAGE_SIZE), actions: eventActions(deps.db), people: eventActors(deps.db), more: events.length > AUDIT_PAGE_SIZE }
}

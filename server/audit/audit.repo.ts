import type { Db } from '../../db/connection.ts'
import { all, compiledQuery, run } from '../../db/query.ts'
import type { AuditEventRow } from '../../db/schema/index.ts'

// Every write records one (every ballot among them): compiled once.
const auditInsert = compiledQuery(
  (q, at: number, actorId: string | null, action: string, objectType: string, objectId: string, data: string) =>
    q.insertInto('audit_events').values({ at, actor_id: actorId, action, object_type: objectType, object_id: objectId, data }),
)

export function insertAuditEvent(db: Db, event: Omit<AuditEventRow, 'id'>): void {
  run(db, auditInsert(db, event.at, event.actor_id, event.action, event.object_type, event.object_id, event.data))
}

export function auditEventsFor(db: Db, objectType: string, objectId: string): AuditEventRow[] {
  return all(
    db,
    db.q.selectFrom('audit_events').selectAll().where('object_type', '=', objectType).where('object_id', '=', objectId).orderBy('id'),
  )
}

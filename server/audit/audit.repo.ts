import type { Db } from '../../db/connection.ts'
import { all, run } from '../../db/query.ts'
import type { AuditEventRow } from '../../db/schema/index.ts'

export function insertAuditEvent(db: Db, event: Omit<AuditEventRow, 'id'>): void {
  run(db, db.q.insertInto('audit_events').values(event))
}

export function auditEventsFor(db: Db, objectType: string, objectId: string): AuditEventRow[] {
  return all(
    db,
    db.q.selectFrom('audit_events').selectAll().where('object_type', '=', objectType).where('object_id', '=', objectId).orderBy('id'),
  )
}

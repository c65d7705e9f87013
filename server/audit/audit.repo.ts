import type { Db } from '../../db/connection.ts'
import { all, compiledQuery, first, run } from '../../db/query.ts'
import type { AuditEventRow } from '../../db/schema/index.ts'

// Every write records one (every ballot among them): compiled once.
const auditInsert = compiledQuery(
  (q, at: number, actorId: string | null, action: string, objectType: string, objectId: string, data: string, prevHash: string | null, hash: string) =>
    q
      .insertInto('audit_events')
      .values({ at, actor_id: actorId, action, object_type: objectType, object_id: objectId, data, prev_hash: prevHash, hash }),
)

const lastHash = compiledQuery((q) => q.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1))

export function insertAuditEvent(db: Db, event: Omit<AuditEventRow, 'id'>): void {
  run(db, auditInsert(db, event.at, event.actor_id, event.action, event.object_type, event.object_id, event.data, event.prev_hash, event.hash ?? ''))
}

/** The hash of the newest event (the one a new event chains to); null for an empty log. */
export function latestAuditHash(db: Db): string | null {
  return first(db, lastHash(db))?.hash ?? null
}

export function auditEventsFor(db: Db, objectType: string, objectId: string): AuditEventRow[] {
  return all(
    db,
    db.q.selectFrom('audit_events').selectAll().where('object_type', '=', objectType).where('object_id', '=', objectId).orderBy('id'),
  )
}

/** Events in id order from `afterId` on, `limit` at a time (the chain is walked in pages). */
export function auditEventsPage(db: Db, afterId: number, limit: number): AuditEventRow[] {
  return all(db, db.q.selectFrom('audit_events').selectAll().where('id', '>', afterId).orderBy('id').limit(limit))
}

/** The hash of the event that recorded `action` on a position last (e.g. its publication). */
export function lastEventHash(db: Db, action: string, objectId: string): string | null {
  return (
    first(
      db,
      db.q.selectFrom('audit_events').select('hash').where('object_type', '=', 'position').where('object_id', '=', objectId).where('action', '=', action).orderBy('id', 'desc').limit(1),
    )?.hash ?? null
  )
}

import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { canonicalJson } from '../../shared/content/canonical-json.ts'

// Frozen in time: the hash is computed here as it is defined today (server/audit/audit-hash.ts),
// from the canonical JSON whose definition is itself fixed (it also defines version hashes).
function hashOf(row: { at: number; actor_id: string | null; action: string; object_type: string; object_id: string; data: string }, prev: string | null): string {
  let data: unknown
  try {
    data = JSON.parse(row.data)
  } catch {
    data = row.data
  }
  const canonical = canonicalJson({
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    data,
    prevHash: prev,
  })
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

/**
 * The audit log becomes a hash chain: each event stores the SHA-256 of its canonical JSON
 * and the previous event's hash. Existing events are chained in id order; the append-only
 * trigger is lifted for exactly that and put back.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('prev_hash', 'text').execute()
  await db.schema.alterTable('audit_events').addColumn('hash', 'text').execute()
  await sql`drop trigger audit_events_no_update`.execute(db)
  const rows = await db.selectFrom('audit_events').select(['id', 'at', 'actor_id', 'action', 'object_type', 'object_id', 'data']).orderBy('id').execute()
  let prev: string | null = null
  for (const row of rows) {
    const hash = hashOf(row, prev)
    await db.updateTable('audit_events').set({ prev_hash: prev, hash }).where('id', '=', row.id).execute()
    prev = hash
  }
  await sql`create trigger audit_events_no_update before update on audit_events
    begin select raise(abort, 'audit_events is append-only'); end`.execute(db)
}

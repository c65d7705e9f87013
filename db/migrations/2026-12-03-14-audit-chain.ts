import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'

// Frozen in time (and db/ imports nothing of ours): the hash as server/audit/audit-hash.ts
// defines it today, over the canonical JSON of shared/content/canonical-json.ts (sorted keys,
// no whitespace, strings and numbers as JSON.stringify writes them), written out here.
function canonicalJson(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON: not a finite number')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  throw new TypeError('canonical JSON: not JSON data')
}

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

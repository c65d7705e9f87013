import { createHash } from 'node:crypto'
import { canonicalJson } from '../../shared/content/canonical-json.ts'

/** What an audit event's hash covers: everything but its row id, plus the previous event's hash. */
export interface ChainedFields {
  at: number
  actor_id: string | null
  action: string
  object_type: string
  object_id: string
  /** The stored JSON text of the details. */
  data: string
  prev_hash: string | null
}

/**
 * Lower-case hex SHA-256 of the canonical JSON (shared/content/canonical-json.ts) of
 * `{ action, actorId, at, data, objectId, objectType, prevHash }`, with `data` as the parsed
 * object. Anyone with an export of the log can recompute it in a few lines.
 */
export function auditHash(event: ChainedFields): string {
  let data: unknown
  try {
    data = JSON.parse(event.data)
  } catch {
    data = event.data
  }
  const canonical = canonicalJson({
    at: event.at,
    actorId: event.actor_id,
    action: event.action,
    objectType: event.object_type,
    objectId: event.object_id,
    data,
    prevHash: event.prev_hash,
  })
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

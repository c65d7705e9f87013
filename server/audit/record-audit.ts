import type { Deps } from '../deps.ts'
import { auditHash } from './audit-hash.ts'
import { insertAuditEvent, latestAuditHash } from './audit.repo.ts'

export interface AuditInput {
  actorId: string | null
  /** Dotted verb, e.g. 'initiative.create', 'round.open', 'ballot.cast'. */
  action: string
  objectType: string
  objectId: string
  /** Details; never passwords or tokens, never the choice of a secret ballot. */
  data?: Record<string, unknown>
}

/**
 * Appends an audit event, chained to the one before it (its hash covers this event and the
 * previous hash; see audit-hash.ts). Call it inside the same transaction as the change it
 * records: the newest hash is read and the event written in one synchronous step.
 */
export function recordAudit(deps: Pick<Deps, 'db' | 'now'>, input: AuditInput): void {
  const event = {
    at: deps.now(),
    actor_id: input.actorId,
    action: input.action,
    object_type: input.objectType,
    object_id: input.objectId,
    data: JSON.stringify(input.data ?? {}),
    prev_hash: latestAuditHash(deps.db),
  }
  insertAuditEvent(deps.db, { ...event, hash: auditHash(event) })
}

import type { Deps } from '../deps.ts'
import { insertAuditEvent } from './audit.repo.ts'

export interface AuditInput {
  actorId: string | null
  /** Dotted verb, e.g. 'initiative.create', 'round.open', 'ballot.cast'. */
  action: string
  objectType: string
  objectId: string
  /** Details; never passwords or tokens, never the choice of a secret ballot. */
  data?: Record<string, unknown>
}

/** Appends an audit event. Call it inside the same transaction as the change it records. */
export function recordAudit(deps: Pick<Deps, 'db' | 'now'>, input: AuditInput): void {
  insertAuditEvent(deps.db, {
    at: deps.now(),
    actor_id: input.actorId,
    action: input.action,
    object_type: input.objectType,
    object_id: input.objectId,
    data: JSON.stringify(input.data ?? {}),
  })
}

import type { Generated, Selectable } from 'kysely'

/** Append-only (triggers refuse UPDATE and DELETE): who did what, when, to which object. */
export interface AuditEventsTable {
  id: Generated<number>
  at: number
  actor_id: string | null
  action: string
  object_type: string
  object_id: string
  /** JSON object with details; never secrets, never a secret ballot's choice. */
  data: Generated<string>
  /** The previous event's `hash` (null for the first event). */
  prev_hash: string | null
  /** SHA-256 of this event's canonical JSON with `prev_hash` (server/audit/audit-hash.ts). */
  hash: string | null
}
export type AuditEventRow = Selectable<AuditEventsTable>
export interface PartialDB { audit_events: AuditEventsTable }

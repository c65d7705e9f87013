import type { Selectable } from 'kysely'

/** Lucia's session design: the cookie holds `id.secret`; only SHA-256(secret) is stored. */
export interface SessionsTable {
  id: string
  person_id: string
  secret_hash: Buffer
  created_at: number
  last_verified_at: number
}
export type SessionRow = Selectable<SessionsTable>
export interface PartialDB { sessions: SessionsTable }

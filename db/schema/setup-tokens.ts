import type { Selectable } from 'kysely'

/** One-time links: the first admin's setup link and invitations to set a password. */
export interface SetupTokensTable {
  id: string
  /** null for the first-admin link, which creates its person. */
  person_id: string | null
  purpose: 'first_admin' | 'invite'
  token_hash: Buffer
  created_at: number
  expires_at: number
  used_at: number | null
}
export type SetupTokenRow = Selectable<SetupTokensTable>
export interface PartialDB { setup_tokens: SetupTokensTable }

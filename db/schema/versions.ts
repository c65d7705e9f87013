import type { Selectable } from 'kysely'

/** Immutable (triggers refuse UPDATE and DELETE): a frozen, numbered snapshot of a draft. */
export interface VersionsTable {
  position_id: string
  /** 1, 2, … per position. */
  number: number
  /** The ProseMirror JSON in canonical form (shared/content/canonical-json.ts). */
  content: string
  html: string
  /** Lower-case hex SHA-256 of the UTF-8 bytes of `content`. */
  hash: string
  created_by: string
  created_at: number
}
export type VersionRow = Selectable<VersionsTable>
export interface PartialDB { versions: VersionsTable }

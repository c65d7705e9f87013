import type { Generated, Selectable } from 'kysely'

/**
 * The append-only log of Yjs updates of a draft (V1 encoding). Compaction replaces a prefix of
 * the log by one row holding the encoded state; Yjs updates commute, so order does not matter.
 */
export interface DocUpdatesTable {
  id: Generated<number>
  position_id: string
  data: Buffer
}
export type DocUpdateRow = Selectable<DocUpdatesTable>
export interface PartialDB { doc_updates: DocUpdatesTable }

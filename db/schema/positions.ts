import type { Generated, Selectable } from 'kysely'

export type PositionStatus = 'drafting' | 'in_round' | 'adopted' | 'published' | 'withdrawn'

export interface PositionsTable {
  id: string
  group_id: string
  slug: string
  title: string
  status: PositionStatus
  /** 1 while the draft must not be edited by anyone (a round is open, or it is adopted). */
  draft_readonly: Generated<number>
  created_by: string
  created_at: number
  updated_at: number
  /** Time of the last stored edit of the draft. */
  last_edit_at: number | null
  /** Set when the coordinator archived the position: out of the lists, reachable by link, records kept. */
  archived_at: Generated<number | null>
  archived_by: Generated<string | null>
}
export type PositionRow = Selectable<PositionsTable>
export interface PartialDB { positions: PositionsTable }

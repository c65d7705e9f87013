import type { PositionRow, PositionStatus } from '../../db/schema/index.ts'
import type { PositionListRow } from './position.repo.ts'

export interface PositionJson {
  id: string
  slug: string
  title: string
  status: PositionStatus
  groupId: string
  /** True while nobody may edit the draft (a round is open, or the text is adopted). */
  draftReadonly: boolean
  createdAt: string
  lastEditAt: string | null
  /** When the coordinator archived it (out of the lists); null while it is in them. */
  archivedAt: string | null
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function presentPosition(row: PositionRow): PositionJson {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    groupId: row.group_id,
    draftReadonly: row.draft_readonly === 1,
    createdAt: new Date(row.created_at).toISOString(),
    lastEditAt: iso(row.last_edit_at),
    archivedAt: iso(row.archived_at),
  }
}

export function presentPositionListItem(row: PositionListRow) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    groupId: row.groupId,
    groupName: row.groupName,
    createdAt: new Date(row.createdAt).toISOString(),
    lastEditAt: iso(row.lastEditAt),
  }
}

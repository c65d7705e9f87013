import type { Db } from '../../db/connection.ts'
import { first, run } from '../../db/query.ts'

/** What the sync core needs of a position: its group (for edit rights) and the read-only switch. */
export interface SyncPosition {
  id: string
  group_id: string
  draft_readonly: number
}

export function getSyncPosition(db: Db, id: string): SyncPosition | undefined {
  return first(db, db.q.selectFrom('positions').select(['id', 'group_id', 'draft_readonly']).where('id', '=', id))
}

/** Moves last_edit_at forward (never back, so a late write of an older time cannot undo a newer one). */
export function recordLastEdit(db: Db, id: string, at: number): void {
  run(
    db,
    db.q
      .updateTable('positions')
      .set({ last_edit_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_edit_at', 'is', null), eb('last_edit_at', '<', at)])),
  )
}

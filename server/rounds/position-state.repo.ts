import type { Db } from '../../db/connection.ts'
import { first, run } from '../../db/query.ts'
import type { PositionRow, PositionStatus } from '../../db/schema/index.ts'

// The few position columns versions and rounds read and move through the lifecycle.

export function getPositionRow(db: Db, id: string): PositionRow | undefined {
  return first(db, db.q.selectFrom('positions').selectAll().where('id', '=', id))
}

/**
 * Moves a position from `from` to `to`; returns false (changing nothing) when it was no longer
 * in `from`, so a caller that lost a race notices instead of overwriting.
 */
export function movePosition(db: Db, id: string, from: PositionStatus, to: PositionStatus, readonly: boolean, at: number): boolean {
  const result = run(
    db,
    db.q
      .updateTable('positions')
      .set({ status: to, draft_readonly: readonly ? 1 : 0, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', from),
  )
  return result.changes === 1
}

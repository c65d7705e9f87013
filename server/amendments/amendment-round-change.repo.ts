import type { Db } from '../../db/connection.ts'
import { all, run } from '../../db/query.ts'

// What may change on an open amendment round after it opened, as on any round
// (rounds/round-change.repo.ts): its deadline (later only, each move kept) and its end without a result.

/** Moves the deadline of an open amendment round from `from` to `to`; false when it was no longer open at `from`. */
export function storeAmendmentExtension(db: Db, roundId: string, ext: { from: number; to: number; reason: string; by: string; at: number }): boolean {
  const changed = run(
    db,
    db.q.updateTable('amendment_rounds').set({ closes_at: ext.to }).where('id', '=', roundId).where('status', '=', 'open').where('closes_at', '=', ext.from),
  ).changes
  if (changed !== 1) return false
  run(
    db,
    db.q.insertInto('amendment_round_extensions').values({
      round_id: roundId,
      previous_closes_at: ext.from,
      closes_at: ext.to,
      reason: ext.reason,
      extended_by: ext.by,
      extended_at: ext.at,
    }),
  )
  return true
}

export interface AmendmentExtension {
  closes_at: number
  previous_closes_at: number
  reason: string
  extended_at: number
  extended_by_name: string | null
}

/** The extensions of an amendment round, oldest first, with who made them. */
export function amendmentExtensionsOf(db: Db, roundId: string): AmendmentExtension[] {
  return all(
    db,
    db.q
      .selectFrom('amendment_round_extensions as x')
      .leftJoin('people as p', 'p.id', 'x.extended_by')
      .select(['x.closes_at', 'x.previous_closes_at', 'x.reason', 'x.extended_at', 'p.name as extended_by_name'])
      .where('x.round_id', '=', roundId)
      .orderBy('x.id'),
  )
}

/** Flips an open amendment round to cancelled; false when it was no longer open. */
export function storeAmendmentCancel(db: Db, roundId: string, cancel: { at: number; by: string; reason: string }): boolean {
  return (
    run(
      db,
      db.q
        .updateTable('amendment_rounds')
        .set({ status: 'cancelled', cancelled_at: cancel.at, cancelled_by: cancel.by, cancel_reason: cancel.reason })
        .where('id', '=', roundId)
        .where('status', '=', 'open'),
    ).changes === 1
  )
}

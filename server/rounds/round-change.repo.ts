import { expressionBuilder } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, run } from '../../db/query.ts'
import type { Database, RoundExtensionRow } from '../../db/schema/index.ts'
import type { RoundsTable } from '../../db/schema/rounds.ts'

// What may change on an open round after it opened: its deadline (later only, with a record of
// each extension) and its end without a result (cancellation).

/** Moves the deadline of an open round from `from` to `to`; false when the round was no longer open at `from`. */
export function storeExtension(db: Db, roundId: string, ext: { from: number; to: number; reason: string; by: string; at: number }): boolean {
  const changed = run(
    db,
    db.q.updateTable('rounds').set({ closes_at: ext.to }).where('id', '=', roundId).where('status', '=', 'open').where('closes_at', '=', ext.from),
  ).changes
  if (changed !== 1) return false
  run(
    db,
    db.q.insertInto('round_extensions').values({
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

/** How often a round's deadline was extended, as a subquery for a query that names rounds `r` (the calendar's SEQUENCE). */
export function extensionCount() {
  const eb = expressionBuilder<Database & { r: RoundsTable }, 'r'>()
  return eb.selectFrom('round_extensions as ext').select((e) => e.fn.countAll<number>().as('n')).whereRef('ext.round_id', '=', 'r.id')
}

export interface ExtensionRow extends RoundExtensionRow {
  extended_by_name: string
}

/** The extensions of a round, oldest first, with who made them. */
export function extensionsOf(db: Db, roundId: string): ExtensionRow[] {
  return all(
    db,
    db.q
      .selectFrom('round_extensions as x')
      .innerJoin('people as p', 'p.id', 'x.extended_by')
      .selectAll('x')
      .select('p.name as extended_by_name')
      .where('x.round_id', '=', roundId)
      .orderBy('x.id'),
  )
}

/** Flips an open round to cancelled; false when it was no longer open. */
export function storeCancel(db: Db, roundId: string, cancel: { at: number; by: string; reason: string }): boolean {
  return (
    run(
      db,
      db.q
        .updateTable('rounds')
        .set({ status: 'cancelled', cancelled_at: cancel.at, cancelled_by: cancel.by, cancel_reason: cancel.reason })
        .where('id', '=', roundId)
        .where('status', '=', 'open'),
    ).changes === 1
  )
}

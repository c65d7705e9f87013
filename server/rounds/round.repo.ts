import { sql } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, compiledQuery, first, run } from '../../db/query.ts'
import type { RoundRow } from '../../db/schema/index.ts'

export type NewRound = Omit<RoundRow, 'status' | 'closed_at' | 'closed_by' | 'outcome' | 'result' | 'cancelled_at' | 'cancelled_by' | 'cancel_reason'>

export function insertRound(db: Db, row: NewRound): void {
  run(db, db.q.insertInto('rounds').values(row))
}

const roundById = compiledQuery((q, id: string) => q.selectFrom('rounds').selectAll().where('id', '=', id))

export function getRound(db: Db, id: string): RoundRow | undefined {
  return first(db, roundById(db, id))
}

export function openRoundOfPosition(db: Db, positionId: string): RoundRow | undefined {
  return first(db, db.q.selectFrom('rounds').selectAll().where('position_id', '=', positionId).where('status', '=', 'open'))
}

/** Newest first. */
export function roundsOfPosition(db: Db, positionId: string): RoundRow[] {
  return all(db, db.q.selectFrom('rounds').selectAll().where('position_id', '=', positionId).orderBy('opened_at', 'desc').orderBy('id'))
}

/** Ids of rounds still stored as open whose deadline has passed. */
export function dueRoundIds(db: Db, now: number): string[] {
  return all(db, db.q.selectFrom('rounds').select('id').where('status', '=', 'open').where('closes_at', '<=', now).orderBy('closes_at')).map(
    (r) => r.id,
  )
}

/** The earliest deadline of any open round, or null when none is open. */
export function nextDeadline(db: Db): number | null {
  const row = first(db, db.q.selectFrom('rounds').select(sql<number | null>`min(closes_at)`.as('at')).where('status', '=', 'open'))
  return row?.at ?? null
}

/** Flips an open round to closed with its result; false when it was closed already. */
export function storeClose(
  db: Db,
  id: string,
  close: { closedAt: number; closedBy: string | null; outcome: NonNullable<RoundRow['outcome']>; result: string },
): boolean {
  const changed = run(
    db,
    db.q
      .updateTable('rounds')
      .set({ status: 'closed', closed_at: close.closedAt, closed_by: close.closedBy, outcome: close.outcome, result: close.result })
      .where('id', '=', id)
      .where('status', '=', 'open'),
  ).changes
  return changed === 1
}

export interface OpenRoundListRow {
  id: string
  position_id: string
  position_title: string
  kind: RoundRow['kind']
  electorate: RoundRow['electorate']
  closes_at: number
}

/** Open rounds whose deadline has not passed, soonest deadline first. */
export function openRounds(db: Db, now: number): OpenRoundListRow[] {
  return all(
    db,
    db.q
      .selectFrom('rounds')
      .innerJoin('positions', 'positions.id', 'rounds.position_id')
      .select(['rounds.id', 'rounds.position_id', 'positions.title as position_title', 'rounds.kind', 'rounds.electorate', 'rounds.closes_at'])
      .where('rounds.status', '=', 'open')
      .where('rounds.closes_at', '>', now)
      .orderBy('rounds.closes_at'),
  )
}

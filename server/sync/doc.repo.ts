import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'

/** Appends one V1-encoded Yjs update to a draft's log; returns its row id. */
export function appendUpdate(db: Db, positionId: string, update: Uint8Array): number {
  const result = run(db, db.q.insertInto('doc_updates').values({ position_id: positionId, data: Buffer.from(update) }))
  return Number(result.lastInsertRowid)
}

export function loadUpdates(db: Db, positionId: string): Array<{ id: number; data: Buffer }> {
  return all(db, db.q.selectFrom('doc_updates').select(['id', 'data']).where('position_id', '=', positionId).orderBy('id'))
}

export function countUpdates(db: Db, positionId: string): number {
  const row = first(db, db.q.selectFrom('doc_updates').select((eb) => eb.fn.countAll<number>().as('n')).where('position_id', '=', positionId))
  return Number(row?.n ?? 0)
}

/** Deletes the log up to and including `upToId` (compaction inserts the snapshot in the same transaction). */
export function deleteUpdatesUpTo(db: Db, positionId: string, upToId: number): number {
  return run(db, db.q.deleteFrom('doc_updates').where('position_id', '=', positionId).where('id', '<=', upToId)).changes
}

/**
 * The hot path of every keystroke: the INSERT is compiled and prepared once per database
 * instead of once per call. Returns an appender with the same meaning as `appendUpdate`.
 */
export function prepareAppend(db: Db): (positionId: string, update: Uint8Array) => number {
  const { sql } = db.q.insertInto('doc_updates').values({ position_id: '', data: Buffer.alloc(0) }).compile()
  const statement = db.sqlite.prepare(sql)
  return (positionId, update) => {
    const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength)
    return Number(statement.run(positionId, data).lastInsertRowid)
  }
}

/** Which state a draft's log is in: the last row's id (AUTOINCREMENT: never reused) and the row count. */
export function logMark(db: Db, positionId: string): { lastId: number; count: number } {
  const row = first(
    db,
    db.q
      .selectFrom('doc_updates')
      .select((eb) => [eb.fn.max('id').as('lastId'), eb.fn.countAll<number>().as('count')])
      .where('position_id', '=', positionId),
  )
  return { lastId: Number(row?.lastId ?? 0), count: Number(row?.count ?? 0) }
}

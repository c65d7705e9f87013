import type { Db } from '../../db/connection.ts'
import { compiledQuery, first, run } from '../../db/query.ts'
import type { SessionRow } from '../../db/schema/index.ts'

export function insertSession(db: Db, row: SessionRow): void {
  run(db, db.q.insertInto('sessions').values(row))
}

// Read on every request that carries a cookie: compiled once.
const sessionById = compiledQuery((q, id: string) => q.selectFrom('sessions').selectAll().where('id', '=', id))

export function getSession(db: Db, id: string): SessionRow | undefined {
  return first(db, sessionById(db, id))
}

export function touchSession(db: Db, id: string, at: number): void {
  run(db, db.q.updateTable('sessions').set({ last_verified_at: at }).where('id', '=', id))
}

export function deleteSession(db: Db, id: string): void {
  run(db, db.q.deleteFrom('sessions').where('id', '=', id))
}

export function deleteSessionsOfPerson(db: Db, personId: string): number {
  return run(db, db.q.deleteFrom('sessions').where('person_id', '=', personId)).changes
}

export function deleteExpiredSessions(db: Db, inactiveBefore: number, createdBefore: number): number {
  return run(
    db,
    db.q
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('last_verified_at', '<', inactiveBefore), eb('created_at', '<', createdBefore)])),
  ).changes
}

import type { Db } from '../../db/connection.ts'
import { compiledQuery, first, run } from '../../db/query.ts'
import type { PersonRow, SessionRow } from '../../db/schema/index.ts'

export function insertSession(db: Db, row: SessionRow): void {
  run(db, db.q.insertInto('sessions').values(row))
}

// Read on every request that carries a cookie: compiled once. The session and its person in one
// statement: every such request needs both, and each statement has a fixed cost however small
// (figures in docs/BENCHMARKS.md, "Figures behind the code").
const sessionAndPersonById = compiledQuery((q, id: string) =>
  q
    .selectFrom('sessions as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .selectAll('p')
    .select(['s.id as s_id', 's.secret_hash as s_secret_hash', 's.created_at as s_created_at', 's.last_verified_at as s_last_verified_at'])
    .where('s.id', '=', id),
)

/** A session with its person; undefined when there is no such session. */
export function getSessionAndPerson(db: Db, id: string): { session: SessionRow; person: PersonRow } | undefined {
  const row = first(db, sessionAndPersonById(db, id))
  if (!row) return undefined
  const { s_id, s_secret_hash, s_created_at, s_last_verified_at, ...person } = row
  return {
    session: { id: s_id, person_id: person.id, secret_hash: s_secret_hash, created_at: s_created_at, last_verified_at: s_last_verified_at },
    person,
  }
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

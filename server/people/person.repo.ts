import { sql } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, compiledQuery, first, run } from '../../db/query.ts'
import type { PersonRow } from '../../db/schema/index.ts'

// Every signed-in request runs these three (session → person → actor): compiled once.
const personById = compiledQuery((q, id: string) => q.selectFrom('people').selectAll().where('id', '=', id))
const initiativeRoles = compiledQuery((q, personId: string) =>
  q
    .selectFrom('initiative_memberships')
    .innerJoin('initiatives', 'initiatives.id', 'initiative_memberships.initiative_id')
    .select(['initiative_memberships.initiative_id', 'initiative_memberships.role'])
    .where('initiative_memberships.person_id', '=', personId)
    .where('initiatives.active', '=', 1),
)
const groupRoles = compiledQuery((q, personId: string) =>
  q.selectFrom('group_memberships').select(['group_id', 'coordinator']).where('person_id', '=', personId),
)

export function getPerson(db: Db, id: string): PersonRow | undefined {
  return first(db, personById(db, id))
}

export function getPersonByEmail(db: Db, email: string): PersonRow | undefined {
  return first(db, db.q.selectFrom('people').selectAll().where('email', '=', email.trim().toLowerCase()))
}

export function initiativeRolesOf(db: Db, personId: string): Array<{ initiative_id: string; role: 'delegate' | 'member' }> {
  return all(db, initiativeRoles(db, personId))
}

export function groupRolesOf(db: Db, personId: string): Array<{ group_id: string; coordinator: number }> {
  return all(db, groupRoles(db, personId))
}

export type PersonPatch = Partial<Pick<PersonRow, 'name' | 'email' | 'password_hash' | 'locale' | 'is_admin' | 'is_spokesperson' | 'disabled'>>

export function updatePerson(db: Db, id: string, patch: PersonPatch, at: number): number {
  return run(db, db.q.updateTable('people').set({ ...patch, updated_at: at }).where('id', '=', id)).changes
}

export function insertPerson(db: Db, row: PersonRow): void {
  run(db, db.q.insertInto('people').values(row))
}

/** Everyone, by name (the admin's people list and member pickers). */
export function listPeople(db: Db): PersonRow[] {
  return all(db, db.q.selectFrom('people').selectAll().orderBy(sql`name collate nocase`))
}

export function countPeople(db: Db): number {
  return first(db, db.q.selectFrom('people').select(sql<number>`count(*)`.as('n')))?.n ?? 0
}

/** Admins who can still log in, optionally not counting one person (the one being changed). */
export function countActiveAdmins(db: Db, exceptPersonId?: string): number {
  let query = db.q.selectFrom('people').select(sql<number>`count(*)`.as('n')).where('is_admin', '=', 1).where('disabled', '=', 0)
  if (exceptPersonId) query = query.where('id', '!=', exceptPersonId)
  return first(db, query)?.n ?? 0
}

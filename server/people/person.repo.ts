import { sql } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, compiledQuery, first, run } from '../../db/query.ts'
import type { PersonRow } from '../../db/schema/index.ts'

// Every signed-in request reads the person and their roles: compiled once.
const personById = compiledQuery((q, id: string) => q.selectFrom('people').selectAll().where('id', '=', id))

export function getPerson(db: Db, id: string): PersonRow | undefined {
  return first(db, personById(db, id))
}

export function getPersonByEmail(db: Db, email: string): PersonRow | undefined {
  return first(db, db.q.selectFrom('people').selectAll().where('email', '=', email.trim().toLowerCase()))
}

// Both kinds of membership in one statement: every signed-in request asks for them, and each
// statement has a fixed cost of its own. Takes the person id twice (one per part).
const rolesOfPerson = compiledQuery((q, personId: string, samePersonId: string) =>
  q
    .selectFrom('initiative_memberships')
    .innerJoin('initiatives', 'initiatives.id', 'initiative_memberships.initiative_id')
    .select([
      sql<'initiative' | 'group'>`'initiative'`.as('kind'),
      'initiative_memberships.initiative_id as id',
      sql<'delegate' | 'member' | null>`initiative_memberships.role`.as('role'),
      sql<number>`0`.as('coordinator'),
    ])
    .where('initiative_memberships.person_id', '=', personId)
    .where('initiatives.active', '=', 1)
    .unionAll(
      q
        .selectFrom('group_memberships')
        .select([sql<'initiative' | 'group'>`'group'`.as('kind'), 'group_id as id', sql<'delegate' | 'member' | null>`null`.as('role'), 'coordinator'])
        .where('person_id', '=', samePersonId),
    ),
)

export interface PersonRoles {
  initiatives: Array<{ initiative_id: string; role: 'delegate' | 'member' }>
  groups: Array<{ group_id: string; coordinator: number }>
}

/** Memberships in active initiatives and in working groups. */
export function rolesOf(db: Db, personId: string): PersonRoles {
  const roles: PersonRoles = { initiatives: [], groups: [] }
  for (const row of all(db, rolesOfPerson(db, personId, personId))) {
    if (row.kind === 'initiative') roles.initiatives.push({ initiative_id: row.id, role: row.role as 'delegate' | 'member' })
    else roles.groups.push({ group_id: row.id, coordinator: Number(row.coordinator) })
  }
  return roles
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

import { sql } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { InitiativeMembershipRow, InitiativeRow } from '../../db/schema/index.ts'

export type InitiativeRole = InitiativeMembershipRow['role']

export interface InitiativeListRow extends InitiativeRow {
  delegates: number
  members: number
}

export interface InitiativeMemberRow {
  personId: string
  name: string
  email: string
  role: InitiativeRole
  disabled: number
}

export interface PersonInitiativeRow {
  initiativeId: string
  name: string
  slug: string
  active: number
  role: InitiativeRole
}

export function getInitiative(db: Db, id: string): InitiativeRow | undefined {
  return first(db, db.q.selectFrom('initiatives').selectAll().where('id', '=', id))
}

export function getInitiativeBySlug(db: Db, slug: string): InitiativeRow | undefined {
  return first(db, db.q.selectFrom('initiatives').selectAll().where('slug', '=', slug))
}

export function listInitiatives(db: Db): InitiativeRow[] {
  return all(db, db.q.selectFrom('initiatives').selectAll().orderBy(sql`name collate nocase`))
}

/** The list with how many delegates and members each initiative has (for the admin overview). */
export function listInitiativesWithCounts(db: Db): InitiativeListRow[] {
  return all(
    db,
    db.q
      .selectFrom('initiatives')
      .leftJoin('initiative_memberships as m', 'm.initiative_id', 'initiatives.id')
      .selectAll('initiatives')
      .select([
        sql<number>`count(case when m.role = 'delegate' then 1 end)`.as('delegates'),
        sql<number>`count(case when m.role = 'member' then 1 end)`.as('members'),
      ])
      .groupBy('initiatives.id')
      .orderBy(sql`initiatives.name collate nocase`),
  )
}

export function countInitiatives(db: Db): number {
  return first(db, db.q.selectFrom('initiatives').select(sql<number>`count(*)`.as('n')))?.n ?? 0
}

export function insertInitiative(db: Db, row: InitiativeRow): void {
  run(db, db.q.insertInto('initiatives').values(row))
}

export type InitiativePatch = Partial<Pick<InitiativeRow, 'name' | 'slug' | 'weight' | 'active'>>

export function updateInitiative(db: Db, id: string, patch: InitiativePatch, at: number): void {
  run(db, db.q.updateTable('initiatives').set({ ...patch, updated_at: at }).where('id', '=', id))
}

export function listInitiativeMembers(db: Db, initiativeId: string): InitiativeMemberRow[] {
  return all(
    db,
    db.q
      .selectFrom('initiative_memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['p.id as personId', 'p.name', 'p.email', 'm.role', 'p.disabled'])
      .where('m.initiative_id', '=', initiativeId)
      // Delegates first: they are the ones who act for the initiative.
      .orderBy(sql`case m.role when 'delegate' then 0 else 1 end`)
      .orderBy(sql`p.name collate nocase`),
  )
}

export function getInitiativeMembership(db: Db, initiativeId: string, personId: string): InitiativeMembershipRow | undefined {
  return first(
    db,
    db.q
      .selectFrom('initiative_memberships')
      .selectAll()
      .where('initiative_id', '=', initiativeId)
      .where('person_id', '=', personId),
  )
}

export function insertInitiativeMembership(db: Db, row: InitiativeMembershipRow): void {
  run(db, db.q.insertInto('initiative_memberships').values(row))
}

export function setInitiativeMembershipRole(db: Db, initiativeId: string, personId: string, role: InitiativeRole): void {
  run(
    db,
    db.q
      .updateTable('initiative_memberships')
      .set({ role })
      .where('initiative_id', '=', initiativeId)
      .where('person_id', '=', personId),
  )
}

export function deleteInitiativeMembership(db: Db, initiativeId: string, personId: string): number {
  return run(
    db,
    db.q.deleteFrom('initiative_memberships').where('initiative_id', '=', initiativeId).where('person_id', '=', personId),
  ).changes
}

/** Every initiative a person belongs to, inactive ones included (the admin must see them). */
export function initiativesOfPerson(db: Db, personId: string): PersonInitiativeRow[] {
  return all(
    db,
    db.q
      .selectFrom('initiative_memberships as m')
      .innerJoin('initiatives as i', 'i.id', 'm.initiative_id')
      .select(['i.id as initiativeId', 'i.name', 'i.slug', 'i.active', 'm.role'])
      .where('m.person_id', '=', personId)
      .orderBy(sql`i.name collate nocase`),
  )
}

/** Who is a delegate of which initiative, for the admin's list of people. */
export function listDelegations(db: Db): Array<{ personId: string; name: string }> {
  return all(
    db,
    db.q
      .selectFrom('initiative_memberships as m')
      .innerJoin('initiatives as i', 'i.id', 'm.initiative_id')
      .select(['m.person_id as personId', 'i.name'])
      .where('m.role', '=', 'delegate')
      .orderBy(sql`i.name collate nocase`),
  )
}

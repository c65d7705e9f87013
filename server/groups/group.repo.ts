import { sql } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { GroupMembershipRow, WorkingGroupRow } from '../../db/schema/index.ts'

export interface GroupMember {
  personId: string
  name: string
  coordinator: boolean
}

export interface GroupListRow extends WorkingGroupRow {
  members: number
  coordinators: number
}

export interface PersonGroupRow {
  groupId: string
  name: string
  slug: string
  coordinator: boolean
}

export function getGroup(db: Db, id: string): WorkingGroupRow | undefined {
  return first(db, db.q.selectFrom('working_groups').selectAll().where('id', '=', id))
}

export function getGroupBySlug(db: Db, slug: string): WorkingGroupRow | undefined {
  return first(db, db.q.selectFrom('working_groups').selectAll().where('slug', '=', slug))
}

export function listGroups(db: Db): WorkingGroupRow[] {
  return all(db, db.q.selectFrom('working_groups').selectAll().orderBy(sql`name collate nocase`))
}

/** The list with member and coordinator counts (for the admin overview). */
export function listGroupsWithCounts(db: Db): GroupListRow[] {
  return all(
    db,
    db.q
      .selectFrom('working_groups')
      .leftJoin('group_memberships as m', 'm.group_id', 'working_groups.id')
      .selectAll('working_groups')
      .select([
        sql<number>`count(m.person_id)`.as('members'),
        sql<number>`count(case when m.coordinator = 1 then 1 end)`.as('coordinators'),
      ])
      .groupBy('working_groups.id')
      .orderBy(sql`working_groups.name collate nocase`),
  )
}

export function countGroups(db: Db): number {
  return first(db, db.q.selectFrom('working_groups').select(sql<number>`count(*)`.as('n')))?.n ?? 0
}

/** Members of a working group, coordinators first, then by name. */
export function listGroupMembers(db: Db, groupId: string): GroupMember[] {
  const rows = all(
    db,
    db.q
      .selectFrom('group_memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['p.id as personId', 'p.name', 'm.coordinator'])
      .where('m.group_id', '=', groupId)
      .orderBy('m.coordinator', 'desc')
      .orderBy(sql`p.name collate nocase`),
  )
  return rows.map((r) => ({ personId: r.personId, name: r.name, coordinator: r.coordinator === 1 }))
}

export function insertGroup(db: Db, row: WorkingGroupRow): void {
  run(db, db.q.insertInto('working_groups').values(row))
}

export type GroupPatch = Partial<Pick<WorkingGroupRow, 'name' | 'slug' | 'description'>>

export function updateGroup(db: Db, id: string, patch: GroupPatch, at: number): void {
  run(db, db.q.updateTable('working_groups').set({ ...patch, updated_at: at }).where('id', '=', id))
}

export function getGroupMembership(db: Db, groupId: string, personId: string): GroupMembershipRow | undefined {
  return first(
    db,
    db.q.selectFrom('group_memberships').selectAll().where('group_id', '=', groupId).where('person_id', '=', personId),
  )
}

export function insertGroupMembership(db: Db, row: GroupMembershipRow): void {
  run(db, db.q.insertInto('group_memberships').values(row))
}

export function setGroupCoordinator(db: Db, groupId: string, personId: string, coordinator: boolean): void {
  run(
    db,
    db.q
      .updateTable('group_memberships')
      .set({ coordinator: coordinator ? 1 : 0 })
      .where('group_id', '=', groupId)
      .where('person_id', '=', personId),
  )
}

export function deleteGroupMembership(db: Db, groupId: string, personId: string): number {
  return run(db, db.q.deleteFrom('group_memberships').where('group_id', '=', groupId).where('person_id', '=', personId)).changes
}

export function groupsOfPerson(db: Db, personId: string): PersonGroupRow[] {
  const rows = all(
    db,
    db.q
      .selectFrom('group_memberships as m')
      .innerJoin('working_groups as g', 'g.id', 'm.group_id')
      .select(['g.id as groupId', 'g.name', 'g.slug', 'm.coordinator'])
      .where('m.person_id', '=', personId)
      .orderBy(sql`g.name collate nocase`),
  )
  return rows.map((r) => ({ groupId: r.groupId, name: r.name, slug: r.slug, coordinator: r.coordinator === 1 }))
}

/** Who coordinates which working group, for the admin's list of people. */
export function listCoordinations(db: Db): Array<{ personId: string; name: string }> {
  return all(
    db,
    db.q
      .selectFrom('group_memberships as m')
      .innerJoin('working_groups as g', 'g.id', 'm.group_id')
      .select(['m.person_id as personId', 'g.name'])
      .where('m.coordinator', '=', 1)
      .orderBy(sql`g.name collate nocase`),
  )
}

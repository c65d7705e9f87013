import { sql } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { PositionRow, PositionStatus } from '../../db/schema/index.ts'

/** A position as lists show it: with its group's name and slug. */
export interface PositionListRow {
  id: string
  slug: string
  title: string
  status: PositionStatus
  groupId: string
  groupName: string
  groupSlug: string
  lastEditAt: number | null
  createdAt: number
}

export function getPosition(db: Db, id: string): PositionRow | undefined {
  return first(db, db.q.selectFrom('positions').selectAll().where('id', '=', id))
}

export function insertPosition(db: Db, row: PositionRow): void {
  run(db, db.q.insertInto('positions').values(row))
}

export function renamePosition(db: Db, id: string, title: string, at: number): void {
  run(db, db.q.updateTable('positions').set({ title, updated_at: at }).where('id', '=', id))
}

/** Slugs that are `base` or `base-<n>`, to find the next free suffix. */
export function slugsLike(db: Db, base: string): string[] {
  const rows = all(
    db,
    db.q
      .selectFrom('positions')
      .select('slug')
      .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)])),
  )
  return rows.map((r) => r.slug)
}

/** Positions of the given groups (all groups when `groupIds` is undefined), most recently worked on first. */
export function listPositions(db: Db, groupIds?: readonly string[]): PositionListRow[] {
  if (groupIds && groupIds.length === 0) return []
  let query = db.q
    .selectFrom('positions as p')
    .innerJoin('working_groups as g', 'g.id', 'p.group_id')
    .select([
      'p.id',
      'p.slug',
      'p.title',
      'p.status',
      'p.group_id as groupId',
      'g.name as groupName',
      'g.slug as groupSlug',
      'p.last_edit_at as lastEditAt',
      'p.created_at as createdAt',
    ])
    .orderBy(sql`coalesce(p.last_edit_at, p.created_at)`, 'desc')
    .orderBy(sql`p.title collate nocase`)
  if (groupIds) query = query.where('p.group_id', 'in', groupIds)
  return all(db, query)
}

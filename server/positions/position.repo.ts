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

/** A status change as `transition` (server/positions/transition.ts) decided it. */
export interface StatusChange {
  /** The status the caller read: the write happens only while the position is still in it. */
  from: PositionStatus
  to: PositionStatus
  draftReadonly: boolean
  at: number
  /** Set for archiving, which keeps the status and takes the position out of the lists (once). */
  archive: { by: string } | null
}

/**
 * The only write of positions.status (a test reads the repositories to keep it so). A
 * compare-and-set: false, changing nothing, when the position was no longer in `change.from`
 * (or, when archiving, was archived already).
 */
export function setPositionStatus(db: Db, id: string, change: StatusChange): boolean {
  let update = db.q
    .updateTable('positions')
    .set({ status: change.to, draft_readonly: change.draftReadonly ? 1 : 0, updated_at: change.at })
    .where('id', '=', id)
    .where('status', '=', change.from)
  if (change.archive) update = update.set({ archived_at: change.at, archived_by: change.archive.by }).where('archived_at', 'is', null)
  return run(db, update).changes === 1
}

/** The rows of a position list, with their group; archived positions are out of every list (their page stays reachable by link). */
function listedPositions(db: Db) {
  return db.q
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
    .where('p.archived_at', 'is', null)
}

/** Adopted positions nobody has published yet, oldest adoption first: what spokespersons have to do. */
export function adoptedWaiting(db: Db): PositionListRow[] {
  return all(
    db,
    listedPositions(db)
      .where('p.status', '=', 'adopted')
      .orderBy('p.updated_at', 'asc'),
  )
}

/** Names of the people who may publish (spokespersons), for telling coordinators who comes next. */
export function spokespersonNames(db: Db): string[] {
  return all(
    db,
    db.q
      .selectFrom('people')
      .select('name')
      .where('is_spokesperson', '=', 1)
      .where('disabled', '=', 0)
      .orderBy(sql`name collate nocase`),
  ).map((r) => r.name)
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
  let query = listedPositions(db)
    .orderBy(sql`coalesce(p.last_edit_at, p.created_at)`, 'desc')
    .orderBy(sql`p.title collate nocase`)
  if (groupIds) query = query.where('p.group_id', 'in', groupIds)
  return all(db, query)
}

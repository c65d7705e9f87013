import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { VersionRow } from '../../db/schema/index.ts'

export interface VersionSummaryRow {
  number: number
  hash: string
  created_at: number
  created_by: string
  created_by_name: string
}

export function insertVersion(db: Db, row: VersionRow): void {
  run(db, db.q.insertInto('versions').values(row))
}

export function getVersion(db: Db, positionId: string, number: number): (VersionRow & { created_by_name: string }) | undefined {
  return first(
    db,
    db.q
      .selectFrom('versions')
      .innerJoin('people', 'people.id', 'versions.created_by')
      .selectAll('versions')
      .select('people.name as created_by_name')
      .where('versions.position_id', '=', positionId)
      .where('versions.number', '=', number),
  )
}

/** Newest first, without the (large) text. */
export function listVersions(db: Db, positionId: string): VersionSummaryRow[] {
  return all(
    db,
    db.q
      .selectFrom('versions')
      .innerJoin('people', 'people.id', 'versions.created_by')
      .select(['versions.number', 'versions.hash', 'versions.created_at', 'versions.created_by', 'people.name as created_by_name'])
      .where('versions.position_id', '=', positionId)
      .orderBy('versions.number', 'desc'),
  )
}

export function latestVersionNumber(db: Db, positionId: string): number {
  const row = first(db, db.q.selectFrom('versions').select((eb) => eb.fn.max<number | null>('number').as('n')).where('position_id', '=', positionId))
  return Number(row?.n ?? 0)
}

import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { SignatureRow } from '../../db/schema/index.ts'

/** Adds the co-signature; false when the initiative had already signed. */
export function addSignature(db: Db, row: SignatureRow): boolean {
  return run(db, db.q.insertInto('signatures').values(row).onConflict((oc) => oc.doNothing())).changes > 0
}

export function removeSignature(db: Db, positionId: string, initiativeId: string): boolean {
  return run(db, db.q.deleteFrom('signatures').where('position_id', '=', positionId).where('initiative_id', '=', initiativeId)).changes > 0
}

export function getSignature(db: Db, positionId: string, initiativeId: string): SignatureRow | undefined {
  return first(
    db,
    db.q.selectFrom('signatures').selectAll().where('position_id', '=', positionId).where('initiative_id', '=', initiativeId),
  )
}

export interface Signatory {
  initiativeId: string
  name: string
  slug: string
  signedAt: number
}

/** The co-signing initiatives of a publication, in the order they signed. */
export function signatoriesOf(db: Db, positionId: string): Signatory[] {
  return all(
    db,
    db.q
      .selectFrom('signatures')
      .innerJoin('initiatives', 'initiatives.id', 'signatures.initiative_id')
      .select(['initiatives.id as initiativeId', 'initiatives.name as name', 'initiatives.slug as slug', 'signatures.signed_at as signedAt'])
      .where('signatures.position_id', '=', positionId)
      .orderBy('signatures.signed_at')
      .orderBy('initiatives.name'),
  )
}

/** Which of these initiatives have co-signed the position. */
export function signedInitiatives(db: Db, positionId: string, initiativeIds: readonly string[]): Set<string> {
  if (initiativeIds.length === 0) return new Set()
  const rows = all(
    db,
    db.q
      .selectFrom('signatures')
      .select('initiative_id')
      .where('position_id', '=', positionId)
      .where('initiative_id', 'in', [...initiativeIds]),
  )
  return new Set(rows.map((r) => r.initiative_id))
}

import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { AmendmentRow, AmendmentStatus } from '../../db/schema/index.ts'

export interface AmendmentListed extends AmendmentRow {
  author_name: string | null
  initiative_name: string | null
}

export interface SupportListed {
  amendment_id: string
  initiative_id: string
  initiative_name: string
  person_id: string | null
  created_at: number
}

function listed(db: Db) {
  return db.q
    .selectFrom('amendments')
    .leftJoin('people', 'people.id', 'amendments.author_id')
    .leftJoin('initiatives', 'initiatives.id', 'amendments.initiative_id')
    .selectAll('amendments')
    .select(['people.name as author_name', 'initiatives.name as initiative_name'])
}

export function insertAmendment(db: Db, row: Omit<AmendmentRow, 'status'>): void {
  run(db, db.q.insertInto('amendments').values(row))
}

/** The next number (Ä1, Ä2 …) of a position's amendments; read and used in one transaction. */
export function nextAmendmentNumber(db: Db, positionId: string): number {
  const row = first(db, db.q.selectFrom('amendments').select((eb) => eb.fn.max<number | null>('number').as('n')).where('position_id', '=', positionId))
  return (row?.n ?? 0) + 1
}

export function getAmendment(db: Db, id: string): AmendmentListed | undefined {
  return first(db, listed(db).where('amendments.id', '=', id))
}

/** A position's amendments by number. */
export function listAmendments(db: Db, positionId: string): AmendmentListed[] {
  return all(db, listed(db).where('amendments.position_id', '=', positionId).orderBy('amendments.number'))
}

export function amendmentsByIds(db: Db, ids: readonly string[]): AmendmentListed[] {
  if (ids.length === 0) return []
  return all(db, listed(db).where('amendments.id', 'in', ids))
}

/**
 * Changes an amendment's status (and the fields that go with it) only if it still has one of
 * `from`: two coordinators deciding at once, or a decision racing a round, change it once.
 */
export function setStatus(db: Db, id: string, from: readonly AmendmentStatus[], patch: Partial<Omit<AmendmentRow, 'id' | 'position_id'>> & { status: AmendmentStatus }): boolean {
  return run(db, db.q.updateTable('amendments').set(patch).where('id', '=', id).where('status', 'in', from)).changes === 1
}

export function setRound(db: Db, id: string, roundId: string): boolean {
  return run(db, db.q.updateTable('amendments').set({ round_id: roundId }).where('id', '=', id).where('status', '=', 'open').where('round_id', 'is', null)).changes === 1
}

export function clearRound(db: Db, roundId: string): void {
  run(db, db.q.updateTable('amendments').set({ round_id: null }).where('round_id', '=', roundId).where('status', '=', 'open'))
}

export function listSupports(db: Db, positionId: string): SupportListed[] {
  return all(
    db,
    db.q
      .selectFrom('amendment_supports as s')
      .innerJoin('amendments as a', 'a.id', 's.amendment_id')
      .innerJoin('initiatives as i', 'i.id', 's.initiative_id')
      .select(['s.amendment_id', 's.initiative_id', 'i.name as initiative_name', 's.person_id', 's.created_at'])
      .where('a.position_id', '=', positionId)
      .orderBy('s.created_at')
      .orderBy('i.name'),
  )
}

export function hasSupport(db: Db, amendmentId: string, initiativeId: string): boolean {
  return first(db, db.q.selectFrom('amendment_supports').select('initiative_id').where('amendment_id', '=', amendmentId).where('initiative_id', '=', initiativeId)) !== undefined
}

export function insertSupport(db: Db, row: { amendment_id: string; initiative_id: string; person_id: string; created_at: number }): void {
  run(db, db.q.insertInto('amendment_supports').values(row))
}

export function deleteSupport(db: Db, amendmentId: string, initiativeId: string): boolean {
  return run(db, db.q.deleteFrom('amendment_supports').where('amendment_id', '=', amendmentId).where('initiative_id', '=', initiativeId)).changes === 1
}

/** Marks the merged amendments no version contains yet as contained in version `number` (called by the freeze). */
export function recordInVersion(db: Db, positionId: string, number: number): void {
  run(db, db.q.updateTable('amendments').set({ in_version: number }).where('position_id', '=', positionId).where('status', '=', 'merged').where('in_version', 'is', null))
}

/** The amendments a version contains, by number. */
export function amendmentsInVersion(db: Db, positionId: string, number: number): AmendmentListed[] {
  return all(db, listed(db).where('amendments.position_id', '=', positionId).where('amendments.in_version', '=', number).orderBy('amendments.number'))
}

/** Merged amendments contained in versions up to `number`: where the text of that version came from. */
export function amendmentsUpTo(db: Db, positionId: string, number: number): AmendmentListed[] {
  return all(db, listed(db).where('amendments.position_id', '=', positionId).where('amendments.in_version', '<=', number).orderBy('amendments.number'))
}

/** Taken-over and adopted amendments not yet in the draft, with the round that decided them (merge-order.ts). */
export function pendingMerges(db: Db, positionId: string): Array<{ id: string; number: number; round_id: string | null; ord: number | null; ordered: number | null }> {
  return all(
    db,
    db.q
      .selectFrom('amendments as a')
      .leftJoin('amendment_round_items as i', (join) => join.onRef('i.round_id', '=', 'a.round_id').onRef('i.amendment_id', '=', 'a.id'))
      .leftJoin('amendment_rounds as r', 'r.id', 'a.round_id')
      .select(['a.id', 'a.number', 'a.round_id', 'i.ord', 'r.ordered'])
      .where('a.position_id', '=', positionId)
      .where('a.status', 'in', ['taken_over', 'adopted'])
      .orderBy('a.number'),
  )
}

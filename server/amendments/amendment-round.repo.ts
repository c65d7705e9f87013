import { sql } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { AmendmentRoundItemRow, AmendmentRoundRow } from '../../db/schema/index.ts'
import type { CountedBallot, Totals } from '../../shared/rules/tally.ts'

export type AmendmentChoice = 'yes' | 'no' | 'abstain'

export function insertAmendmentRound(db: Db, row: Omit<AmendmentRoundRow, 'status' | 'closed_at' | 'closed_by' | 'cancelled_at' | 'cancelled_by' | 'cancel_reason'>): void {
  run(db, db.q.insertInto('amendment_rounds').values(row))
}

export function getAmendmentRound(db: Db, id: string): AmendmentRoundRow | undefined {
  return first(db, db.q.selectFrom('amendment_rounds').selectAll().where('id', '=', id))
}

export function amendmentRoundsOf(db: Db, positionId: string): AmendmentRoundRow[] {
  return all(db, db.q.selectFrom('amendment_rounds').selectAll().where('position_id', '=', positionId).orderBy('opened_at'))
}

/** Open amendment rounds whose deadline has not passed, soonest first, with their position's title. */
export function openAmendmentRounds(db: Db, now: number): Array<Pick<AmendmentRoundRow, 'id' | 'position_id' | 'electorate' | 'secret' | 'closes_at'> & { position_title: string }> {
  return all(
    db,
    db.q
      .selectFrom('amendment_rounds as r')
      .innerJoin('positions as p', 'p.id', 'r.position_id')
      .select(['r.id', 'r.position_id', 'p.title as position_title', 'r.electorate', 'r.secret', 'r.closes_at'])
      .where('r.status', '=', 'open')
      .where('r.closes_at', '>', now)
      .orderBy('r.closes_at'),
  )
}

export function dueAmendmentRoundIds(db: Db, now: number): string[] {
  return all(db, db.q.selectFrom('amendment_rounds').select('id').where('status', '=', 'open').where('closes_at', '<=', now)).map((r) => r.id)
}

/** The earliest deadline of any open amendment round, or null when none is open (the deadline job arms for it). */
export function nextAmendmentDeadline(db: Db): number | null {
  const row = first(db, db.q.selectFrom('amendment_rounds').select(sql<number | null>`min(closes_at)`.as('at')).where('status', '=', 'open'))
  return row?.at ?? null
}

export function insertItems(db: Db, roundId: string, amendmentIds: readonly string[]): void {
  run(db, db.q.insertInto('amendment_round_items').values(amendmentIds.map((id, ord) => ({ round_id: roundId, amendment_id: id, ord, outcome: null, result: null }))))
}

export function itemsOf(db: Db, roundId: string): AmendmentRoundItemRow[] {
  return all(db, db.q.selectFrom('amendment_round_items').selectAll().where('round_id', '=', roundId).orderBy('ord'))
}

export function storeItemResult(db: Db, roundId: string, amendmentId: string, outcome: AmendmentRoundItemRow['outcome'], result: string): void {
  run(db, db.q.updateTable('amendment_round_items').set({ outcome, result }).where('round_id', '=', roundId).where('amendment_id', '=', amendmentId))
}

/** Flips the round to closed once; false when someone else closed it first. */
export function storeClose(db: Db, roundId: string, closedAt: number, closedBy: string | null): boolean {
  return (
    run(db, db.q.updateTable('amendment_rounds').set({ status: 'closed', closed_at: closedAt, closed_by: closedBy }).where('id', '=', roundId).where('status', '=', 'open'))
      .changes === 1
  )
}

/**
 * Snapshots who may vote with which weight, as rounds on a version do (rounds/electorate.repo.ts):
 * active initiatives with a weight above 0, or every person of an active initiative with weight 1.
 */
export function insertElectorate(db: Db, roundId: string, electorate: 'initiatives' | 'members'): number {
  const statement =
    electorate === 'initiatives'
      ? sql`insert into amendment_round_electorate (round_id, voter_key, weight)
          select ${roundId}, id, weight from initiatives where active = 1 and weight > 0`
      : sql`insert into amendment_round_electorate (round_id, voter_key, weight)
          select distinct ${roundId}, p.id, 1 from people p
          join initiative_memberships m on m.person_id = p.id join initiatives i on i.id = m.initiative_id
          where p.disabled = 0 and i.active = 1`
  const compiled = statement.compile(db.q)
  return db.sqlite.prepare(compiled.sql).run(...(compiled.parameters as unknown[])).changes
}

export function electorateTotals(db: Db, roundId: string): Totals {
  const row = first(
    db,
    db.q
      .selectFrom('amendment_round_electorate')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.coalesce(eb.fn.sum<number>('weight'), eb.val(0)).as('weight')])
      .where('round_id', '=', roundId),
  )
  return { count: Number(row?.count ?? 0), weight: Number(row?.weight ?? 0) }
}

/** Of `keys`, those in the round's electorate, with their weight. */
export function slotsOf(db: Db, roundId: string, keys: readonly string[]): Array<{ voter_key: string; weight: number }> {
  if (keys.length === 0) return []
  return all(db, db.q.selectFrom('amendment_round_electorate').select(['voter_key', 'weight']).where('round_id', '=', roundId).where('voter_key', 'in', keys).orderBy('voter_key'))
}

export function upsertBallot(db: Db, row: { round_id: string; voter_key: string; amendment_id: string; choice: AmendmentChoice; cast_by: string; cast_at: number }): void {
  run(
    db,
    db.q
      .insertInto('amendment_ballots')
      .values(row)
      .onConflict((oc) => oc.columns(['round_id', 'voter_key', 'amendment_id']).doUpdateSet({ choice: row.choice, cast_by: row.cast_by, cast_at: row.cast_at })),
  )
}

export function ballotsOf(db: Db, roundId: string, voterKey: string): Array<{ amendment_id: string; choice: AmendmentChoice }> {
  return all(db, db.q.selectFrom('amendment_ballots').select(['amendment_id', 'choice']).where('round_id', '=', roundId).where('voter_key', '=', voterKey))
}

export function hasParticipated(db: Db, roundId: string, voterKey: string): boolean {
  return (
    first(db, db.q.selectFrom('amendment_round_participation').select('voter_key').where('round_id', '=', roundId).where('voter_key', '=', voterKey)) !== undefined ||
    first(db, db.q.selectFrom('amendment_ballots').select('voter_key').where('round_id', '=', roundId).where('voter_key', '=', voterKey)) !== undefined
  )
}

export function insertParticipation(db: Db, roundId: string, voterKey: string): void {
  run(db, db.q.insertInto('amendment_round_participation').values({ round_id: roundId, voter_key: voterKey }))
}

export function insertSecretBallot(db: Db, row: { id: string; round_id: string; amendment_id: string; choice: AmendmentChoice; weight: number }): void {
  run(db, db.q.insertInto('amendment_secret_ballots').values(row))
}

/** The answers on one amendment of a round with the weight of whoever gave them. */
export function countedBallots(db: Db, round: Pick<AmendmentRoundRow, 'id' | 'secret'>, amendmentId: string): CountedBallot[] {
  if (round.secret === 1) {
    return all(db, db.q.selectFrom('amendment_secret_ballots').select(['choice', 'weight']).where('round_id', '=', round.id).where('amendment_id', '=', amendmentId))
  }
  return all(
    db,
    db.q
      .selectFrom('amendment_ballots as b')
      .innerJoin('amendment_round_electorate as e', (j) => j.onRef('e.round_id', '=', 'b.round_id').onRef('e.voter_key', '=', 'b.voter_key'))
      .select(['b.choice', 'e.weight'])
      .where('b.round_id', '=', round.id)
      .where('b.amendment_id', '=', amendmentId),
  )
}

/** How many voters answered (secret rounds: from the participation record). */
export function answeredCount(db: Db, round: Pick<AmendmentRoundRow, 'id' | 'secret'>): number {
  const row =
    round.secret === 1
      ? first(db, db.q.selectFrom('amendment_round_participation').select((eb) => eb.fn.countAll<number>().as('n')).where('round_id', '=', round.id))
      : first(db, db.q.selectFrom('amendment_ballots').select((eb) => eb.fn.count<number>('voter_key').distinct().as('n')).where('round_id', '=', round.id))
  return Number(row?.n ?? 0)
}

/** Of `keys`, the voters in the round's electorate with weight and name (an initiative's, or a member's). */
export function labelledSlots(db: Db, roundId: string, electorate: 'initiatives' | 'members', keys: readonly string[]): Array<{ voter_key: string; weight: number; label: string }> {
  if (keys.length === 0) return []
  const base = db.q.selectFrom('amendment_round_electorate as e').where('e.round_id', '=', roundId).where('e.voter_key', 'in', keys)
  return electorate === 'initiatives'
    ? all(db, base.innerJoin('initiatives as i', 'i.id', 'e.voter_key').select(['e.voter_key', 'e.weight', 'i.name as label']).orderBy('i.name'))
    : all(db, base.innerJoin('people as p', 'p.id', 'e.voter_key').select(['e.voter_key', 'e.weight', 'p.name as label']).orderBy('p.name'))
}

/** Of `keys`, the voters who have answered (secret rounds: from the participation record). */
export function answeredKeys(db: Db, roundId: string, secret: boolean, keys: readonly string[]): Set<string> {
  if (keys.length === 0) return new Set()
  const rows = secret
    ? all(db, db.q.selectFrom('amendment_round_participation').select('voter_key').where('round_id', '=', roundId).where('voter_key', 'in', keys))
    : all(db, db.q.selectFrom('amendment_ballots').select('voter_key').distinct().where('round_id', '=', roundId).where('voter_key', 'in', keys))
  return new Set(rows.map((r) => r.voter_key))
}

/** Of `initiativeIds`, which had their ballot in this amendment round cast by a proxy, and by which. */
export function proxyUsesIn(db: Db, roundId: string, initiativeIds: readonly string[]): Map<string, string> {
  if (initiativeIds.length === 0) return new Map()
  const rows = all(db, db.q.selectFrom('amendment_proxy_uses').select(['initiative_id', 'proxy_id']).where('round_id', '=', roundId).where('initiative_id', 'in', initiativeIds))
  return new Map(rows.map((r) => [r.initiative_id, r.proxy_id]))
}

export function recordProxyUse(db: Db, proxyId: string, roundId: string, initiativeId: string): void {
  run(db, db.q.insertInto('amendment_proxy_uses').values({ proxy_id: proxyId, round_id: roundId, initiative_id: initiativeId }).onConflict((oc) => oc.doNothing()))
}

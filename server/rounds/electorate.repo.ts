import { sql, type SelectQueryBuilder } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, compiledQuery, first, run } from '../../db/query.ts'
import type { Database } from '../../db/schema/index.ts'
import type { Electorate } from '../../shared/rules/choices.ts'
import type { Totals } from '../../shared/rules/tally.ts'

/**
 * Who may vote, as (voter_key, weight) rows in key order.
 * Electorate "initiatives": every active initiative with a weight above 0. Whether it has a
 * delegate right now does not matter: the initiative is the member, and a delegate may be named
 * while the round runs (delegates are checked when they cast).
 * Electorate "members": every person who is not disabled and belongs (as member or delegate) to
 * an active initiative; weight 1.
 * Every row has a weight above 0, so "no rows" and "total weight 0" are the same.
 */
function voters(db: Db, electorate: Electorate): SelectQueryBuilder<Database, 'initiatives' | 'people', { voter_key: string; weight: number }> {
  return electorate === 'initiatives'
    ? db.q.selectFrom('initiatives').select(['id as voter_key', 'weight']).where('active', '=', 1).where('weight', '>', 0).orderBy('id')
    : db.q
        .selectFrom('people')
        .select(['people.id as voter_key', sql<number>`1`.as('weight')])
        .where('people.disabled', '=', 0)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('initiative_memberships as m')
              .innerJoin('initiatives as i', 'i.id', 'm.initiative_id')
              .select('m.person_id')
              .whereRef('m.person_id', '=', 'people.id')
              .where('i.active', '=', 1),
          ),
        )
        .orderBy('people.id')
}

/** The different vote weights active initiatives have right now, smallest first. */
export function initiativeWeights(db: Db): number[] {
  return all(db, voters(db, 'initiatives').clearOrderBy().clearSelect().select('weight').distinct().orderBy('weight')).map((r) => r.weight)
}

/** Whether anybody (with a weight above 0) may vote in this electorate right now. */
export function hasVoters(db: Db, electorate: Electorate): boolean {
  return first(db, voters(db, electorate).limit(1)) !== undefined
}

/**
 * Snapshots the electorate of a new round inside SQLite (one INSERT … SELECT: 100,000 members
 * take a fraction of a second instead of a row-by-row round trip). Returns how many voters.
 */
export function insertElectorate(db: Db, roundId: string, electorate: Electorate): number {
  const rows = db.q
    .selectFrom(voters(db, electorate).as('v'))
    .select((eb) => [eb.val(roundId).as('round_id'), 'v.voter_key', 'v.weight'])
  return run(db, db.q.insertInto('round_electorate').columns(['round_id', 'voter_key', 'weight']).expression(rows)).changes
}

export function voterWeight(db: Db, roundId: string, voterKey: string): number | undefined {
  return first(db, db.q.selectFrom('round_electorate').select('weight').where('round_id', '=', roundId).where('voter_key', '=', voterKey))?.weight
}

/** How many may answer and their summed weight, counted (`deps.caches.electorateTotals` keeps them). */
export function countElectorate(db: Db, roundId: string): Totals {
  const row = first(
    db,
    db.q
      .selectFrom('round_electorate')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.coalesce(eb.fn.sum<number>('weight'), eb.val(0)).as('weight')])
      .where('round_id', '=', roundId),
  )
  return { count: Number(row?.count ?? 0), weight: Number(row?.weight ?? 0) }
}

export interface VoterSlotRow {
  voter_key: string
  weight: number
  /** The initiative's or person's name. */
  label: string
}

// One key (a member, or a delegate of one initiative) is what nearly every ballot asks for.
const initiativeSlot = compiledQuery((q, roundId: string, key: string) =>
  q
    .selectFrom('round_electorate as e')
    .innerJoin('initiatives as i', 'i.id', 'e.voter_key')
    .select(['e.voter_key', 'e.weight', 'i.name as label'])
    .where('e.round_id', '=', roundId)
    .where('e.voter_key', '=', key),
)
const memberSlot = compiledQuery((q, roundId: string, key: string) =>
  q
    .selectFrom('round_electorate as e')
    .innerJoin('people as p', 'p.id', 'e.voter_key')
    .select(['e.voter_key', 'e.weight', 'p.name as label'])
    .where('e.round_id', '=', roundId)
    .where('e.voter_key', '=', key),
)

/** Of `keys`, those in the round's electorate, with their weight and name. */
export function electorateSlots(db: Db, roundId: string, electorate: 'initiatives' | 'members', keys: readonly string[]): VoterSlotRow[] {
  if (keys.length === 0) return []
  if (keys.length === 1) return all(db, (electorate === 'initiatives' ? initiativeSlot : memberSlot)(db, roundId, keys[0]!))
  const base = db.q.selectFrom('round_electorate as e').where('e.round_id', '=', roundId).where('e.voter_key', 'in', keys)
  return electorate === 'initiatives'
    ? all(db, base.innerJoin('initiatives as i', 'i.id', 'e.voter_key').select(['e.voter_key', 'e.weight', 'i.name as label']).orderBy('i.name'))
    : all(db, base.innerJoin('people as p', 'p.id', 'e.voter_key').select(['e.voter_key', 'e.weight', 'p.name as label']).orderBy('p.name'))
}

const delegateOf = compiledQuery((q, personId: string) =>
  q
    .selectFrom('initiative_memberships as m')
    .innerJoin('initiatives as i', 'i.id', 'm.initiative_id')
    .select('m.initiative_id')
    .where('m.person_id', '=', personId)
    .where('m.role', '=', 'delegate')
    .where('i.active', '=', 1),
)

/** Initiatives (active) the person is currently a delegate of. */
export function delegateInitiativeIds(db: Db, personId: string): string[] {
  return all(db, delegateOf(db, personId)).map((r) => r.initiative_id)
}

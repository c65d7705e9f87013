import type { Db } from '../../db/connection.ts'
import { all, compiledQuery, first, run } from '../../db/query.ts'
import type { Totals } from '../../shared/rules/tally.ts'

export interface Voter {
  voterKey: string
  weight: number
}

/**
 * Electorate "initiatives": every active initiative with a weight above 0. Whether it has a
 * delegate right now does not matter: the initiative is the member, and a delegate may be named
 * while the round runs (delegates are checked when they cast).
 */
export function initiativeVoters(db: Db): Voter[] {
  return all(
    db,
    db.q.selectFrom('initiatives').select(['id as voterKey', 'weight']).where('active', '=', 1).where('weight', '>', 0).orderBy('id'),
  )
}

/** Electorate "members": every person who is not disabled and belongs (as member or delegate) to an active initiative; weight 1. */
export function memberVoters(db: Db): Voter[] {
  return all(
    db,
    db.q
      .selectFrom('people')
      .select('people.id as voterKey')
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
      .orderBy('people.id'),
  ).map((r) => ({ voterKey: r.voterKey, weight: 1 }))
}

const electorateInsert = compiledQuery((q, roundId: string, voterKey: string, weight: number) =>
  q.insertInto('round_electorate').values({ round_id: roundId, voter_key: voterKey, weight }),
)

/** Snapshots the electorate: one prepared statement for every voter (up to 100,000 rows). */
export function insertElectorate(db: Db, roundId: string, voters: readonly Voter[]): void {
  for (const voter of voters) run(db, electorateInsert(db, roundId, voter.voterKey, voter.weight))
}

export function voterWeight(db: Db, roundId: string, voterKey: string): number | undefined {
  return first(db, db.q.selectFrom('round_electorate').select('weight').where('round_id', '=', roundId).where('voter_key', '=', voterKey))?.weight
}

export function electorateTotals(db: Db, roundId: string): Totals {
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

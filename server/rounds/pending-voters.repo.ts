import type { Db } from '../../db/connection.ts'
import { all, first } from '../../db/query.ts'

export interface PendingVoterRow {
  /** The initiative's id (electorate "initiatives") or the person's id (electorate "members"). */
  id: string
  name: string
}

/**
 * The voters of a round that have not answered yet, by name, at most `limit` of them. Who has
 * answered is not secret (only what), so secret rounds read their participation table.
 */
export function pendingVoters(db: Db, roundId: string, electorate: 'initiatives' | 'members', secret: boolean, limit: number, amendments = false): PendingVoterRow[] {
  // An amendment round keeps its electorate and answers in tables of its own, with the same columns.
  const answeredIn = amendments ? (secret ? 'amendment_round_participation' : 'amendment_ballots') : secret ? 'round_participation' : 'ballots'
  const base = db.q
    .selectFrom(`${amendments ? 'amendment_round_electorate' : 'round_electorate'} as e` as 'round_electorate as e')
    .where('e.round_id', '=', roundId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom(`${answeredIn} as a` as 'ballots as a')
            .select('a.voter_key')
            .whereRef('a.round_id', '=', 'e.round_id')
            .whereRef('a.voter_key', '=', 'e.voter_key'),
        ),
      ),
    )
  return electorate === 'initiatives'
    ? all(db, base.innerJoin('initiatives as i', 'i.id', 'e.voter_key').select(['e.voter_key as id', 'i.name']).orderBy('i.name').limit(limit))
    : // A member electorate may hold 100,000 people: the first `limit` in key order stop the scan
      // early (sorting every pending name took most of a round view); the caller sorts those.
      all(db, base.innerJoin('people as p', 'p.id', 'e.voter_key').select(['e.voter_key as id', 'p.name']).orderBy('e.voter_key').limit(limit))
}

/** The current delegates (not disabled) of these initiatives, by name. */
export function delegatesOf(db: Db, initiativeIds: readonly string[]): Array<{ initiative_id: string; id: string; name: string }> {
  if (initiativeIds.length === 0) return []
  return all(
    db,
    db.q
      .selectFrom('initiative_memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['m.initiative_id', 'p.id', 'p.name'])
      .where('m.initiative_id', 'in', initiativeIds)
      .where('m.role', '=', 'delegate')
      .where('p.disabled', '=', 0)
      .orderBy('p.name'),
  )
}

/** The id of the current answer of a voter in an open round: its entry in the ballot history. */
export function currentBallotId(db: Db, roundId: string, voterKey: string): number | null {
  const row = first(
    db,
    db.q
      .selectFrom('ballot_history')
      .select((eb) => eb.fn.max<number | null>('id').as('id'))
      .where('round_id', '=', roundId)
      .where('voter_key', '=', voterKey),
  )
  return row?.id ?? null
}

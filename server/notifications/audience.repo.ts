import type { Db } from '../../db/connection.ts'
import { all, first } from '../../db/query.ts'
import { proxyInForceFor } from '../proxies/proxy.repo.ts'
import { extensionCount } from '../rounds/round-change.repo.ts'

export interface RoundFacts {
  roundId: string
  positionId: string
  groupId: string
  title: string
  kind: 'consent' | 'vote' | 'amendments'
  electorate: 'initiatives' | 'members'
  secret: boolean
  closesAt: number
  status: 'open' | 'closed' | 'cancelled'
  result: string | null
  closedAt: number | null
  cancelReason: string | null
  /** How often the deadline was extended (the calendar event's SEQUENCE). */
  extensions: number
}

export function roundFacts(db: Db, roundId: string): RoundFacts | undefined {
  const row = first(
    db,
    db.q
      .selectFrom('rounds as r')
      .innerJoin('positions as p', 'p.id', 'r.position_id')
      .select(['r.id', 'r.position_id', 'p.group_id', 'p.title', 'r.kind', 'r.electorate', 'r.secret', 'r.closes_at', 'r.status', 'r.result', 'r.closed_at', 'r.cancel_reason'])
      .select(extensionCount().as('extensions'))
      .where('r.id', '=', roundId),
  )
  if (!row) return amendmentRoundFacts(db, roundId)
  return {
    roundId: row.id,
    positionId: row.position_id,
    groupId: row.group_id,
    title: row.title,
    kind: row.kind,
    electorate: row.electorate,
    secret: row.secret === 1,
    closesAt: row.closes_at,
    status: row.status,
    result: row.result,
    closedAt: row.closed_at,
    cancelReason: row.cancel_reason,
    extensions: Number(row.extensions ?? 0),
  }
}

/** An amendment round's facts: the same shape as a round's (its per-amendment results are `amendmentOutcomes`). */
function amendmentRoundFacts(db: Db, roundId: string): RoundFacts | undefined {
  const row = first(
    db,
    db.q
      .selectFrom('amendment_rounds as r')
      .innerJoin('positions as p', 'p.id', 'r.position_id')
      .select(['r.id', 'r.position_id', 'p.group_id', 'p.title', 'r.electorate', 'r.secret', 'r.closes_at', 'r.status', 'r.closed_at', 'r.cancel_reason'])
      .select((eb) => eb.selectFrom('amendment_round_extensions as ext').select((e) => e.fn.countAll<number>().as('n')).whereRef('ext.round_id', '=', 'r.id').as('extensions'))
      .where('r.id', '=', roundId),
  )
  if (!row) return undefined
  return {
    roundId: row.id,
    positionId: row.position_id,
    groupId: row.group_id,
    title: row.title,
    kind: 'amendments',
    electorate: row.electorate,
    secret: row.secret === 1,
    closesAt: row.closes_at,
    status: row.status,
    result: null,
    closedAt: row.closed_at,
    cancelReason: row.cancel_reason,
    extensions: Number(row.extensions ?? 0),
  }
}

/** Each amendment of a closed amendment round with its stored outcome, in the round's order. */
export function amendmentOutcomes(db: Db, roundId: string): Array<{ number: number; outcome: 'adopted' | 'rejected' | 'no_quorum' }> {
  return all(
    db,
    db.q
      .selectFrom('amendment_round_items as i')
      .innerJoin('amendments as a', 'a.id', 'i.amendment_id')
      .select(['a.number', 'i.outcome'])
      .where('i.round_id', '=', roundId)
      .orderBy('i.ord'),
  ).flatMap((r) => (r.outcome === null ? [] : [{ number: r.number, outcome: r.outcome }]))
}

export function positionFacts(db: Db, positionId: string): { id: string; title: string; groupId: string } | undefined {
  const row = first(db, db.q.selectFrom('positions').select(['id', 'title', 'group_id']).where('id', '=', positionId))
  return row && { id: row.id, title: row.title, groupId: row.group_id }
}

export function publicationFacts(db: Db, positionId: string): { slug: string; title: string; withdrawReason: string | null } | undefined {
  const row = first(db, db.q.selectFrom('publications').select(['slug', 'title', 'withdraw_reason']).where('position_id', '=', positionId))
  return row && { slug: row.slug, title: row.title, withdrawReason: row.withdraw_reason }
}

/**
 * The people who answer for the electorate of a round: for initiatives every current delegate of
 * every initiative in it, for members the members themselves. With `missingOnly`, only those whose
 * vote is still missing: an initiative that has answered is not reached through any delegate.
 * Proxies in force for the round add their holders; with `missingOnly` they replace A's delegates.
 */
export function electoratePeople(
  db: Db,
  roundId: string,
  options: { missingOnly: boolean; secret: boolean; electorate: 'initiatives' | 'members'; amendments?: boolean | undefined },
): string[] {
  // An amendment round keeps its electorate and answers in tables of its own, with the same columns.
  const tables = options.amendments
    ? { electorate: 'amendment_round_electorate', answered: options.secret ? 'amendment_round_participation' : 'amendment_ballots' }
    : { electorate: 'round_electorate', answered: options.secret ? 'round_participation' : 'ballots' }
  const answeredIn = tables.answered
  let voters = db.q.selectFrom(`${tables.electorate} as e` as 'round_electorate as e').select('e.voter_key').where('e.round_id', '=', roundId)
  if (options.missingOnly) {
    voters = voters.where((eb) =>
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
  }
  if (options.electorate === 'members') {
    return all(db, db.q.selectFrom('people').select('id').where('disabled', '=', 0).where('id', 'in', voters)).map((r) => r.id)
  }
  // A vote handed on for this round (or for every round) is answered by the proxy holder: they
  // are told too, and a reminder of a missing answer reaches only them (A's delegates may not answer).
  const handedOn = db.q
    .selectFrom('proxies as x')
    .where(proxyInForceFor(roundId))
    .where('x.initiative_id', 'in', voters)
  let delegates = db.q
    .selectFrom('initiative_memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select('p.id')
    .where('m.role', '=', 'delegate')
    .where('p.disabled', '=', 0)
    .where('m.initiative_id', 'in', voters)
  if (options.missingOnly) delegates = delegates.where('m.initiative_id', 'not in', handedOn.select('x.initiative_id'))
  const holders = db.q.selectFrom('people as p').select('p.id').where('p.disabled', '=', 0).where('p.id', 'in', handedOn.select('x.to_person_id'))
  return all(db, delegates.union(holders)).map((r) => r.id)
}

export function groupPeople(db: Db, groupId: string): string[] {
  return all(
    db,
    db.q
      .selectFrom('group_memberships as g')
      .innerJoin('people as p', 'p.id', 'g.person_id')
      .select('p.id')
      .where('g.group_id', '=', groupId)
      .where('p.disabled', '=', 0),
  ).map((r) => r.id)
}

/** The coordinators of a working group: they decide its amendments and merge them by hand. */
export function groupCoordinators(db: Db, groupId: string): string[] {
  return all(
    db,
    db.q
      .selectFrom('group_memberships as g')
      .innerJoin('people as p', 'p.id', 'g.person_id')
      .select('p.id')
      .where('g.group_id', '=', groupId)
      .where('g.coordinator', '=', 1)
      .where('p.disabled', '=', 0),
  ).map((r) => r.id)
}

/** An amendment as a notification names it: its number, its version, its position. */
export function amendmentFacts(db: Db, amendmentId: string): { positionId: string; groupId: string; title: string; number: number; versionNumber: number } | undefined {
  const row = first(
    db,
    db.q
      .selectFrom('amendments as a')
      .innerJoin('positions as p', 'p.id', 'a.position_id')
      .select(['a.position_id', 'p.group_id', 'p.title', 'a.number', 'a.version_number'])
      .where('a.id', '=', amendmentId),
  )
  return row && { positionId: row.position_id, groupId: row.group_id, title: row.title, number: row.number, versionNumber: row.version_number }
}

export function spokespeople(db: Db): string[] {
  return all(db, db.q.selectFrom('people').select('id').where('is_spokesperson', '=', 1).where('disabled', '=', 0)).map((r) => r.id)
}

/** Everybody with an account: who wants news of published positions says so in their settings. */
export function everyone(db: Db): string[] {
  return all(db, db.q.selectFrom('people').select('id').where('disabled', '=', 0)).map((r) => r.id)
}

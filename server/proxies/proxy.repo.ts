import { expressionBuilder, type Expression, type SqlBool } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { Database, ProxyRow } from '../../db/schema/index.ts'
import type { ProxiesTable } from '../../db/schema/proxies.ts'

type WithProxyX = Database & { x: ProxiesTable }

/**
 * The one reading of "a proxy is in force for this round": not revoked, and handed on for this
 * round or for every round. For a query that names the proxies table `x`
 * (`selectFrom('proxies as x')`); every query about proxies that apply to a round uses it.
 */
export function proxyInForceFor(roundId: string): Expression<SqlBool> {
  const eb = expressionBuilder<WithProxyX, 'x'>()
  return eb.and([eb('x.revoked_at', 'is', null), eb.or([eb('x.round_id', 'is', null), eb('x.round_id', '=', roundId)])])
}

/** "In force now", whatever the round: not revoked, and for every round or for one still open (alias `x`). */
export function proxyInForceNow(): Expression<SqlBool> {
  const eb = expressionBuilder<WithProxyX, 'x'>()
  const roundOpen = eb.exists(eb.selectFrom('rounds as r').select('r.id').whereRef('r.id', '=', 'x.round_id').where('r.status', '=', 'open'))
  return eb.and([eb('x.revoked_at', 'is', null), eb.or([eb('x.round_id', 'is', null), roundOpen])])
}

export function insertProxy(db: Db, row: Omit<ProxyRow, 'revoked_at' | 'revoked_by'>): void {
  run(db, db.q.insertInto('proxies').values(row))
}

export function getProxy(db: Db, id: string): ProxyRow | undefined {
  return first(db, db.q.selectFrom('proxies').selectAll().where('id', '=', id))
}

/** The proxy of an initiative that is in force (at most one, by a unique index). */
export function activeProxyOf(db: Db, initiativeId: string): ProxyRow | undefined {
  return first(db, db.q.selectFrom('proxies').selectAll().where('initiative_id', '=', initiativeId).where('revoked_at', 'is', null))
}

export function revokeProxyRow(db: Db, id: string, by: string, at: number): boolean {
  return run(db, db.q.updateTable('proxies').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null)).changes === 1
}

/**
 * Proxies in force that apply to a round (for this round, or for every round) and touch the
 * given person: handed to them, or handed on by one of `initiativeIds`.
 */
export function proxiesTouching(db: Db, roundId: string, personId: string, initiativeIds: readonly string[]): ProxyRow[] {
  return all(
    db,
    db.q
      .selectFrom('proxies as x')
      .selectAll()
      .where(proxyInForceFor(roundId))
      .where((eb) => (initiativeIds.length > 0 ? eb.or([eb('x.to_person_id', '=', personId), eb('x.initiative_id', 'in', initiativeIds)]) : eb('x.to_person_id', '=', personId))),
  )
}

/** Of `initiativeIds`, which had their ballot in this round cast by a proxy, and by which. */
export function usesIn(db: Db, roundId: string, initiativeIds: readonly string[]): Map<string, string> {
  if (initiativeIds.length === 0) return new Map()
  const rows = all(db, db.q.selectFrom('proxy_uses').select(['initiative_id', 'proxy_id']).where('round_id', '=', roundId).where('initiative_id', 'in', initiativeIds))
  return new Map(rows.map((r) => [r.initiative_id, r.proxy_id]))
}

export function recordUse(db: Db, proxyId: string, roundId: string, initiativeId: string): void {
  run(db, db.q.insertInto('proxy_uses').values({ proxy_id: proxyId, round_id: roundId, initiative_id: initiativeId }).onConflict((oc) => oc.doNothing()))
}

/** Whether the proxy cast a ballot in a round (on a version or on amendments) that is still open. */
export function usedInOpenRound(db: Db, proxyId: string): boolean {
  const usedIn = (uses: 'proxy_uses' | 'amendment_proxy_uses', rounds: 'rounds' | 'amendment_rounds') =>
    first(
      db,
      db.q
        .selectFrom(`${uses} as u` as 'proxy_uses as u')
        .innerJoin(`${rounds} as r` as 'rounds as r', 'r.id', 'u.round_id')
        .select('u.round_id')
        .where('u.proxy_id', '=', proxyId)
        .where('r.status', '=', 'open'),
    ) !== undefined
  return usedIn('proxy_uses', 'rounds') || usedIn('amendment_proxy_uses', 'amendment_rounds')
}

/** Votes handed to a person by proxies in force (a proxy for a round that ended no longer counts). */
export function carriedProxies(db: Db, personId: string): number {
  const row = first(
    db,
    db.q
      .selectFrom('proxies as x')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('x.to_person_id', '=', personId)
      .where(proxyInForceNow()),
  )
  return Number(row?.n ?? 0)
}

export interface RoundProxyRow {
  id: string
  initiative_id: string
  initiative_name: string
  to_person_id: string
  to_name: string
  round_id: string | null
}

/** The proxies of a round: in force and applying to it, or used in it (also after a revocation). */
export function proxiesOfRound(db: Db, roundId: string): RoundProxyRow[] {
  return all(
    db,
    db.q
      .selectFrom('proxies as x')
      .innerJoin('initiatives as i', 'i.id', 'x.initiative_id')
      .innerJoin('people as p', 'p.id', 'x.to_person_id')
      .innerJoin('round_electorate as e', (j) => j.onRef('e.voter_key', '=', 'x.initiative_id').on('e.round_id', '=', roundId))
      .select(['x.id', 'x.initiative_id', 'i.name as initiative_name', 'x.to_person_id', 'p.name as to_name', 'x.round_id'])
      .where((eb) =>
        eb.or([
          proxyInForceFor(roundId),
          eb.exists(eb.selectFrom('proxy_uses as u').select('u.proxy_id').whereRef('u.proxy_id', '=', 'x.id').where('u.round_id', '=', roundId)),
        ]),
      )
      .orderBy('i.name'),
  )
}

/**
 * Who answers for each of these initiatives in a round through a proxy in force that applies to
 * it (for this round, or for every round): the holder, by name.
 */
export function proxyHoldersIn(db: Db, roundId: string, initiativeIds: readonly string[]): Array<{ initiative_id: string; id: string; name: string }> {
  if (initiativeIds.length === 0) return []
  return all(
    db,
    db.q
      .selectFrom('proxies as x')
      .innerJoin('people as p', 'p.id', 'x.to_person_id')
      .select(['x.initiative_id', 'p.id', 'p.name'])
      .where('x.initiative_id', 'in', initiativeIds)
      .where(proxyInForceFor(roundId)),
  )
}

/** Names of the initiatives a person is a delegate of (how the round page names a proxy holder). */
export function delegateInitiativeNames(db: Db, personId: string): string[] {
  return all(
    db,
    db.q
      .selectFrom('initiative_memberships as m')
      .innerJoin('initiatives as i', 'i.id', 'm.initiative_id')
      .select('i.name')
      .where('m.person_id', '=', personId)
      .where('m.role', '=', 'delegate')
      .orderBy('i.name'),
  ).map((r) => r.name)
}

export const DEFAULT_MAX_VOTES = 2

export function maxVotes(db: Db): number {
  return first(db, db.q.selectFrom('proxy_settings').select('max_votes').where('id', '=', 1))?.max_votes ?? DEFAULT_MAX_VOTES
}

export function storeMaxVotes(db: Db, maxVotes: number, by: string, at: number): void {
  run(
    db,
    db.q
      .insertInto('proxy_settings')
      .values({ id: 1, max_votes: maxVotes, updated_at: at, updated_by: by })
      .onConflict((oc) => oc.column('id').doUpdateSet({ max_votes: maxVotes, updated_at: at, updated_by: by })),
  )
}

/** Delegates of active initiatives other than `initiativeId`, with their initiatives' names (who a vote can go to). */
export function proxyCandidates(db: Db, initiativeId: string): Array<{ id: string; name: string; initiative: string }> {
  return all(
    db,
    db.q
      .selectFrom('initiative_memberships as m')
      .innerJoin('initiatives as i', 'i.id', 'm.initiative_id')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['p.id', 'p.name', 'i.name as initiative'])
      .where('m.role', '=', 'delegate')
      .where('i.active', '=', 1)
      .where('p.disabled', '=', 0)
      .where('m.initiative_id', '!=', initiativeId)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('initiative_memberships as own').select('own.person_id').whereRef('own.person_id', '=', 'p.id').where('own.initiative_id', '=', initiativeId))),
      )
      .orderBy('p.name')
      .orderBy('i.name'),
  )
}

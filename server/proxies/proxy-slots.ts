import type { Db } from '../../db/connection.ts'
import type { RoundRow } from '../../db/schema/index.ts'
import type { VoterSlotRow } from '../rounds/electorate.repo.ts'
import { answeredKeys } from '../rounds/ballot.repo.ts'
import { electorateSlots } from '../rounds/electorate.repo.ts'
import { proxiesTouching, usesIn } from './proxy.repo.ts'

/** Where a person may answer in a round, with what proxies change about it. */
export interface VoterSlot extends VoterSlotRow {
  /** The proxy this person answers through (the slot is another initiative's vote). */
  proxyId?: string
  /** The initiative's vote is handed on (or the proxy has cast it): its own delegates may not answer. */
  blocked?: true
}

/** What the proxy rules read of a round, from the tables of its kind (amendment rounds keep their own). */
export interface ProxySlotSource {
  /** Of these initiatives, which had their ballot cast by a proxy here, and by which. */
  usesIn(db: Db, roundId: string, initiativeIds: readonly string[]): Map<string, string>
  /** Of these voters, which have answered. */
  answeredKeys(db: Db, roundId: string, secret: boolean, keys: readonly string[]): Set<string>
  /** These initiatives' places in the round's electorate, with weight and name. */
  initiativeSlots(db: Db, roundId: string, initiativeIds: readonly string[]): VoterSlotRow[]
}

/** Rounds on a version. */
export const ROUND_PROXY_SOURCE: ProxySlotSource = {
  usesIn,
  answeredKeys,
  initiativeSlots: (db, roundId, ids) => electorateSlots(db, roundId, 'initiatives', ids),
}

/**
 * Adds what proxies change to a person's slots in a round of initiatives:
 * - a delegate of A whose vote is handed on (a proxy in force for this round, or one that cast
 *   A's ballot here) keeps A's slot, blocked: they may revoke the proxy until it was used, and
 *   once it was, the proxy's ballot stands (they may not change it);
 * - the holder gets a slot for A, unless A's own delegates answered before the proxy existed
 *   (then that answer stands) — once the holder has answered for A they keep the slot.
 */
export function withProxySlots(db: Db, round: Pick<RoundRow, 'id' | 'electorate' | 'secret'>, personId: string, own: VoterSlotRow[], source: ProxySlotSource = ROUND_PROXY_SOURCE): VoterSlot[] {
  if (round.electorate !== 'initiatives') return own
  const ownKeys = own.map((s) => s.voter_key)
  const proxies = proxiesTouching(db, round.id, personId, ownKeys)
  const held = proxies.filter((p) => p.to_person_id === personId && !ownKeys.includes(p.initiative_id))
  const uses = source.usesIn(db, round.id, [...ownKeys, ...held.map((p) => p.initiative_id)])
  if (proxies.length === 0 && uses.size === 0) return own
  const handedOn = new Set(proxies.filter((p) => p.to_person_id !== personId).map((p) => p.initiative_id))
  const slots: VoterSlot[] = own.map((s) => (handedOn.has(s.voter_key) || (uses.has(s.voter_key) && !held.some((p) => p.id === uses.get(s.voter_key))) ? { ...s, blocked: true } : s))
  if (held.length === 0) return slots
  const answered = source.answeredKeys(db, round.id, round.secret === 1, held.map((p) => p.initiative_id))
  const usable = held.filter((p) => !answered.has(p.initiative_id) || uses.get(p.initiative_id) === p.id)
  const rows = source.initiativeSlots(db, round.id, usable.map((p) => p.initiative_id))
  for (const row of rows) slots.push({ ...row, proxyId: usable.find((p) => p.initiative_id === row.voter_key)?.id ?? '' })
  return slots
}

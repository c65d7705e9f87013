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

/**
 * Adds what proxies change to a person's slots in a round of initiatives:
 * - a delegate of A whose vote is handed on (a proxy in force for this round, or one that cast
 *   A's ballot here) keeps A's slot, blocked: they may revoke the proxy until it was used, and
 *   once it was, the proxy's ballot stands (they may not change it);
 * - the holder gets a slot for A, unless A's own delegates answered before the proxy existed
 *   (then that answer stands) — once the holder has answered for A they keep the slot.
 */
export function withProxySlots(db: Db, round: Pick<RoundRow, 'id' | 'electorate' | 'secret'>, personId: string, own: VoterSlotRow[]): VoterSlot[] {
  if (round.electorate !== 'initiatives') return own
  const ownKeys = own.map((s) => s.voter_key)
  const proxies = proxiesTouching(db, round.id, personId, ownKeys)
  const held = proxies.filter((p) => p.to_person_id === personId && !ownKeys.includes(p.initiative_id))
  const uses = usesIn(db, round.id, [...ownKeys, ...held.map((p) => p.initiative_id)])
  if (proxies.length === 0 && uses.size === 0) return own
  const handedOn = new Set(proxies.filter((p) => p.to_person_id !== personId).map((p) => p.initiative_id))
  const slots: VoterSlot[] = own.map((s) => (handedOn.has(s.voter_key) || (uses.has(s.voter_key) && !held.some((p) => p.id === uses.get(s.voter_key))) ? { ...s, blocked: true } : s))
  if (held.length === 0) return slots
  const answered = answeredKeys(db, round.id, round.secret === 1, held.map((p) => p.initiative_id))
  const usable = held.filter((p) => !answered.has(p.initiative_id) || uses.get(p.initiative_id) === p.id)
  const rows = electorateSlots(db, round.id, 'initiatives', usable.map((p) => p.initiative_id))
  for (const row of rows) slots.push({ ...row, proxyId: usable.find((p) => p.initiative_id === row.voter_key)?.id ?? '' })
  return slots
}

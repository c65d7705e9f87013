import type { Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { amendmentVoterSlots } from '../amendments/amendment-voter-slots.ts'
import * as amendmentRepo from '../amendments/amendment-round.repo.ts'
import type { VoterSlot } from '../proxies/proxy-slots.ts'
import { answeredKeys } from './ballot.repo.ts'
import { electorateSlots } from './electorate.repo.ts'
import { getRound, openRounds } from './round.repo.ts'
import { voterSlotsOf } from './voter-slots.ts'

export interface AwaitingVoter {
  /** The person's or initiative's name. */
  name: string
  /** Another initiative's vote, handed to this person by a proxy in force. */
  viaProxy?: true
}

export interface AwaitingRound {
  roundId: string
  positionId: string
  positionTitle: string
  /** 'amendments': a vote on amendments to the position (its page is /rounds/:id too). */
  kind: 'consent' | 'vote' | 'amendments'
  closesAt: number
  /** The voters not yet answered: the person, their initiatives, or initiatives whose vote they hold. */
  pendingFor: AwaitingVoter[]
  /** false when the person can answer for none of them: a plain member, or A's delegate while A's vote is handed on. */
  canAnswer: boolean
  /** Nothing to answer because the person's initiative handed its vote on (the holder answers). */
  handedOn: boolean
}

/**
 * "Still to decide" for one person: open rounds where they (electorate "members"), one of their
 * initiatives, or an initiative whose vote they hold by a proxy in force (electorate
 * "initiatives") have not answered yet, soonest deadline first. The slots are the ballot's own
 * (`voterSlotsOf`), so the list offers exactly what the ballot form accepts. Plain members see
 * their initiative's pending rounds too, so they can nudge their delegates. Rounds past their
 * deadline are left out, closed or not. Amendment rounds are listed the same way, from their own tables.
 */
export function openRoundsAwaiting(deps: Deps, actor: Actor): AwaitingRound[] {
  const memberOnly = actor.initiatives.filter((i) => i.role !== 'delegate').map((i) => i.initiativeId)
  const out: AwaitingRound[] = []
  for (const row of openRounds(deps.db, deps.now())) {
    const round = getRound(deps.db, row.id)
    if (!round) continue
    const slots = voterSlotsOf(deps.db, round, actor.id)
    const watched = round.electorate === 'initiatives' ? electorateSlots(deps.db, round.id, 'initiatives', memberOnly) : []
    const answered = answeredKeys(deps.db, round.id, round.secret === 1, [...slots, ...watched].map((s) => s.voter_key))
    const pending = slots.filter((s) => !answered.has(s.voter_key))
    const pendingWatched = watched.filter((s) => !answered.has(s.voter_key))
    if (pending.length === 0 && pendingWatched.length === 0) continue
    out.push(awaitingItem(row, row.kind, pending, pendingWatched))
  }
  for (const row of amendmentRepo.openAmendmentRounds(deps.db, deps.now())) {
    const slots = amendmentVoterSlots(deps.db, row, actor.id)
    const watched = row.electorate === 'initiatives' ? amendmentRepo.labelledSlots(deps.db, row.id, 'initiatives', memberOnly) : []
    const answered = amendmentRepo.answeredKeys(deps.db, row.id, row.secret === 1, [...slots, ...watched].map((s) => s.voter_key))
    const pending = slots.filter((s) => !answered.has(s.voter_key))
    const pendingWatched = watched.filter((s) => !answered.has(s.voter_key))
    if (pending.length === 0 && pendingWatched.length === 0) continue
    out.push(awaitingItem(row, 'amendments', pending, pendingWatched))
  }
  return out.sort((a, b) => a.closesAt - b.closesAt)
}

function awaitingItem(
  row: { id: string; position_id: string; position_title: string; closes_at: number },
  kind: AwaitingRound['kind'],
  pending: VoterSlot[],
  pendingWatched: Array<{ label: string }>,
): AwaitingRound {
  const canAnswer = pending.some((s) => !s.blocked)
  return {
    roundId: row.id,
    positionId: row.position_id,
    positionTitle: row.position_title,
    kind,
    closesAt: row.closes_at,
    pendingFor: [...pending.map((s) => (s.proxyId !== undefined ? { name: s.label, viaProxy: true as const } : { name: s.label })), ...pendingWatched.map((s) => ({ name: s.label }))],
    canAnswer,
    handedOn: !canAnswer && pending.length > 0,
  }
}

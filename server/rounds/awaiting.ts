import type { Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { answeredKeys } from './ballot.repo.ts'
import { electorateSlots } from './electorate.repo.ts'
import { getRound, openRounds } from './round.repo.ts'

export interface AwaitingRound {
  roundId: string
  positionId: string
  positionTitle: string
  kind: 'consent' | 'vote'
  closesAt: number
  /** Names of the voters not yet answered: the person, or their initiatives. */
  pendingFor: string[]
  /** false when the person is a member (not a delegate) of an initiative that has not answered. */
  canAnswer: boolean
}

/**
 * "Still to decide" for one person: open rounds where they (electorate "members") or one of
 * their initiatives (electorate "initiatives") have not answered yet, soonest deadline first.
 * Plain members see their initiative's pending rounds too, so they can nudge their delegates.
 * Rounds past their deadline are left out, closed or not.
 */
export function openRoundsAwaiting(deps: Deps, actor: Actor): AwaitingRound[] {
  const delegateOf = actor.initiatives.filter((i) => i.role === 'delegate').map((i) => i.initiativeId)
  const allInitiatives = actor.initiatives.map((i) => i.initiativeId)
  const out: AwaitingRound[] = []
  for (const row of openRounds(deps.db, deps.now())) {
    const round = getRound(deps.db, row.id)
    if (!round) continue
    const keys = round.electorate === 'members' ? [actor.id] : allInitiatives
    const slots = electorateSlots(deps.db, round.id, round.electorate, keys)
    const answered = answeredKeys(deps.db, round.id, round.secret === 1, slots.map((s) => s.voter_key))
    const pending = slots.filter((s) => !answered.has(s.voter_key))
    if (pending.length === 0) continue
    out.push({
      roundId: round.id,
      positionId: row.position_id,
      positionTitle: row.position_title,
      kind: row.kind,
      closesAt: row.closes_at,
      pendingFor: pending.map((s) => s.label),
      canAnswer: round.electorate === 'members' || pending.some((s) => delegateOf.includes(s.voter_key)),
    })
  }
  return out
}

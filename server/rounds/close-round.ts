import { transaction } from '../../db/query.ts'
import type { RoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { computeResult, type RoundResult } from '../../shared/rules/outcome.ts'
import { isDue, type RoundTiming } from '../../shared/rules/round-clock.ts'
import { secretDisclosure } from '../../shared/rules/secret-disclosure.ts'
import { mergeWaiting } from '../amendments/merge-waiting.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from '../positions/position.repo.ts'
import { transition } from '../positions/transition.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import { countedBallots, countedSecretBallots } from './ballot.repo.ts'
import { dueRoundIds, getRound, openRoundOfPosition, storeClose } from './round.repo.ts'

export function timing(round: Pick<RoundRow, 'status' | 'closes_at'>): RoundTiming {
  return { status: round.status, closesAt: round.closes_at }
}

export function storedResult(round: RoundRow): RoundResult | null {
  return round.result === null ? null : (JSON.parse(round.result) as RoundResult)
}

/**
 * The result of an open round as a close right now would store it: the ballots as they are, and
 * for a secret round how much of it can be shown (decided once, with the ballots at hand).
 */
export function countResult(deps: Deps, round: RoundRow): RoundResult {
  const ballots = round.secret === 1 ? countedSecretBallots(deps.db, round.id) : countedBallots(deps.db, round.id)
  const counted = computeResult({ kind: round.kind, majority: round.majority, quorumBp: round.quorum_bp }, deps.caches.electorateTotals.of(round.id), ballots)
  return round.secret === 1 ? { ...counted, disclosure: secretDisclosure(counted, ballots.map((b) => b.weight)) } : counted
}

/**
 * Closes an open round inside the caller's transaction: counts the ballots as they are right now,
 * stores the result in the same write that flips the status, and moves the position on
 * (adopted → adopted, draft stays read-only; otherwise back to drafting, editable). Whoever
 * closes second finds the round closed and reads this stored result, never a recount.
 */
export function closeInTransaction(deps: Deps, round: RoundRow, closedBy: string | null): RoundResult {
  const result = countResult(deps, round)
  // A round closed by its deadline ended at the deadline, whenever the close is stored: so a
  // read before the store (effective-round.ts) shows what the store will hold.
  const closedAt = closedBy === null ? Math.min(round.closes_at, deps.now()) : deps.now()
  if (!storeClose(deps.db, round.id, { closedAt, closedBy, outcome: result.outcome, result: JSON.stringify(result) })) fail('conflict')
  transition(deps, { id: round.position_id, status: 'in_round' }, result.outcome === 'adopted' ? 'close_adopted' : 'close_not_adopted', closedBy, closedAt)
  recordAudit(deps, {
    actorId: closedBy,
    action: 'round.close',
    objectType: 'round',
    objectId: round.id,
    data: {
      positionId: round.position_id,
      outcome: result.outcome,
      automatic: closedBy === null,
      participation: result.participation,
      quorumMet: result.quorumMet,
    },
  })
  queueNotification(deps, 'round_closed', { roundId: round.id })
  return result
}

/**
 * After the commit of a close: a draft that was not adopted is editable again; the sync core is
 * told, and the amendments that waited for it are merged.
 */
export function announce(deps: Deps, round: RoundRow, result: RoundResult): void {
  if (result.outcome === 'adopted') return
  deps.events.emit('draft-readonly', { positionId: round.position_id, readonly: false })
  mergeWaiting(deps, round.position_id)
}

/** A coordinator (or admin) closes a round now. Closing a closed round answers its stored result. */
export function closeRound(deps: Deps, actor: Actor, roundId: string): { round: RoundRow; result: RoundResult } {
  const { round, justClosed } = transaction(deps.db, () => {
    const before = getRound(deps.db, roundId) ?? fail('not_found')
    const position = getPosition(deps.db, before.position_id) ?? fail('not_found')
    if (!can(actor, { type: 'round.close', groupId: position.group_id })) fail('forbidden')
    // Past its deadline the round closes as the deadline would have closed it: automatically.
    const justClosed = before.status === 'open' ? closeInTransaction(deps, before, isDue(timing(before), deps.now()) ? null : actor.id) : null
    return { round: getRound(deps.db, roundId) ?? fail('internal'), justClosed }
  })
  if (justClosed) announce(deps, round, justClosed)
  return { round, result: storedResult(round) ?? fail('internal') }
}

/**
 * Closes the round if its deadline has passed and nobody stored the close yet: for the deadline
 * job, and for writes that need the stored state to be current (a read computes the effective
 * state instead, effective-round.ts, and writes nothing).
 */
export function closeIfDue(deps: Deps, roundId: string): boolean {
  // Almost every call finds the round not due: a plain read says so without taking the write
  // lock (an empty IMMEDIATE transaction per ballot cost a large share of the cast rate,
  // docs/BENCHMARKS.md, "Figures behind the code"). Due rounds are checked again under the lock,
  // so two closers still store one result.
  const current = getRound(deps.db, roundId)
  if (!current || !isDue(timing(current), deps.now())) return false
  const closed = transaction(deps.db, () => {
    const round = getRound(deps.db, roundId)
    return round && isDue(timing(round), deps.now()) ? { round, result: closeInTransaction(deps, round, null) } : null
  })
  if (!closed) return false
  announce(deps, closed.round, closed.result)
  return true
}

/** Before a write that reads the position's status: closes its round if that is due. */
export function closeDueRoundOf(deps: Deps, positionId: string): void {
  const open = openRoundOfPosition(deps.db, positionId)
  if (open) closeIfDue(deps, open.id)
}

/** Closes every round whose deadline has passed; returns how many it closed. */
export function closeDueRounds(deps: Deps): number {
  let count = 0
  for (const id of dueRoundIds(deps.db, deps.now())) if (closeIfDue(deps, id)) count++
  return count
}

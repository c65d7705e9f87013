import { transaction } from '../../db/query.ts'
import type { AmendmentRoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { computeResult, type RoundResult } from '../../shared/rules/outcome.ts'
import { isDue } from '../../shared/rules/round-clock.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import { getPosition } from '../positions/position.repo.ts'
import * as amendmentRepo from './amendment.repo.ts'
import * as roundRepo from './amendment-round.repo.ts'
import { mergeWaiting } from './merge-waiting.ts'
import { draftPassages } from './draft-passages.ts'
import { passagesOverlap } from './overlap.ts'

const timing = (round: AmendmentRoundRow) => ({ status: round.status, closesAt: round.closes_at })

/** Each amendment's result as a close right now would store it, in the round's order. */
export function countItems(deps: Pick<Deps, 'db'>, round: AmendmentRoundRow): Array<{ amendmentId: string; result: RoundResult }> {
  const totals = roundRepo.electorateTotals(deps.db, round.id)
  return roundRepo.itemsOf(deps.db, round.id).map((item) => ({
    amendmentId: item.amendment_id,
    result: computeResult({ kind: 'vote', majority: round.majority, quorumBp: round.quorum_bp }, totals, roundRepo.countedBallots(deps.db, round, item.amendment_id)),
  }))
}

/**
 * Closes an amendment round inside the caller's transaction: tallies every amendment separately
 * (shared/rules, like any round) and stores each result with the close. Adopted amendments become
 * `adopted` (merged after the commit, `afterClose`), the others `refused`; of ordered overlapping
 * amendments, one whose passage an earlier adopted one changed becomes `obsolete` (overlap.ts; of
 * different versions compared in the live draft, and only when that comparison is sure).
 */
export function closeAmendmentRoundInTransaction(deps: Deps, round: AmendmentRoundRow, closedBy: string | null): void {
  const closedAt = closedBy === null ? Math.min(round.closes_at, deps.now()) : deps.now()
  if (!roundRepo.storeClose(deps.db, round.id, closedAt, closedBy)) fail('conflict')
  const adopted: amendmentRepo.AmendmentListed[] = []
  const texts = draftPassages(deps, round.position_id)
  const outcomes: Record<number, string> = {}
  for (const { amendmentId, result } of countItems(deps, round)) {
    roundRepo.storeItemResult(deps.db, round.id, amendmentId, result.outcome, JSON.stringify(result))
    const amendment = amendmentRepo.getAmendment(deps.db, amendmentId) ?? fail('internal')
    const earlier = round.ordered === 1 ? adopted.find((a) => passagesOverlap(texts, a, amendment) === 'yes') : undefined
    const decided = { decided_by: closedBy, decided_at: closedAt }
    if (earlier) {
      amendmentRepo.setStatus(deps.db, amendmentId, ['open'], { status: 'obsolete', ...decided, obsoleted_by: earlier.id, merge_note: 'obsolete' })
      outcomes[amendment.number] = 'obsolete'
    } else if (result.outcome === 'adopted') {
      amendmentRepo.setStatus(deps.db, amendmentId, ['open'], { status: 'adopted', ...decided })
      adopted.push(amendment)
      outcomes[amendment.number] = 'adopted'
    } else {
      amendmentRepo.setStatus(deps.db, amendmentId, ['open'], { status: 'refused', ...decided })
      outcomes[amendment.number] = result.outcome
    }
  }
  recordAudit(deps, {
    actorId: closedBy,
    action: 'amendment_round.close',
    objectType: 'amendment_round',
    objectId: round.id,
    data: { positionId: round.position_id, automatic: closedBy === null, outcomes },
  })
  // The result notification of any round, with each amendment's outcome (notifications/kinds.ts).
  queueNotification(deps, 'round_closed', { roundId: round.id })
}

/**
 * After the commit of a close: the adopted amendments go into the live draft (with any others
 * still waiting), in merge order: by number, an ordered round's in its order (merge-waiting.ts).
 */
export function afterClose(deps: Deps, roundId: string, actorId: string | null): void {
  const round = roundRepo.getAmendmentRound(deps.db, roundId)
  if (round) mergeWaiting(deps, round.position_id, actorId)
}

/** The coordinator closes an amendment round now. */
export function closeAmendmentRound(deps: Deps, actor: Actor, roundId: string): AmendmentRoundRow {
  const closed = transaction(deps.db, () => {
    const round = roundRepo.getAmendmentRound(deps.db, roundId) ?? fail('not_found')
    const position = getPosition(deps.db, round.position_id) ?? fail('not_found')
    if (!can(actor, { type: 'amendment.decide', groupId: position.group_id })) fail('forbidden')
    if (round.status !== 'open') return false
    closeAmendmentRoundInTransaction(deps, round, isDue(timing(round), deps.now()) ? null : actor.id)
    return true
  })
  if (closed) afterClose(deps, roundId, actor.id)
  return roundRepo.getAmendmentRound(deps.db, roundId) ?? fail('internal')
}

/** Closes every amendment round whose deadline passed (the deadline job). */
export function closeDueAmendmentRounds(deps: Deps): number {
  let count = 0
  for (const id of roundRepo.dueAmendmentRoundIds(deps.db, deps.now())) {
    const closed = transaction(deps.db, () => {
      const round = roundRepo.getAmendmentRound(deps.db, id)
      if (!round || !isDue(timing(round), deps.now())) return false
      closeAmendmentRoundInTransaction(deps, round, null)
      return true
    })
    if (closed) {
      afterClose(deps, id, null)
      count++
    }
  }
  return count
}

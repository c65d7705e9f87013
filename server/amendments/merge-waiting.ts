import type { Deps } from '../deps.ts'
import * as amendmentRepo from './amendment.repo.ts'
import { mergeAmendment, type MergeOutcome } from './merge-amendment.ts'
import { mergeOrder } from './merge-order.ts'

/**
 * After the commit of whatever lets decided amendments into the draft: a round on the whole text
 * cancelled or closed without adoption (the draft is editable again), an amendment round closed
 * (its adopted amendments). Merges every taken-over or adopted amendment of the position that is
 * not in the draft yet, in merge order (merge-order.ts), each as its own audited edit; a conflict
 * is marked as usual and told to the group's coordinators. While the draft cannot be edited they
 * keep waiting (marked so). Never throws: what happened before it is committed and stands; an amendment whose
 * merge failed stays decided, and the coordinator can merge it again.
 */
export function mergeWaiting(deps: Deps, positionId: string, actorId: string | null = null): Array<{ id: string; outcome: MergeOutcome }> {
  const done: Array<{ id: string; outcome: MergeOutcome }> = []
  try {
    const pending = amendmentRepo.pendingMerges(deps.db, positionId).map((a) => ({ id: a.id, number: a.number, roundId: a.round_id, ord: a.ord, ordered: a.ordered === 1 }))
    for (const id of mergeOrder(pending)) {
      try {
        const outcome = mergeAmendment(deps, actorId, id, { automatic: true })
        done.push({ id, outcome })
      } catch (error) {
        deps.log.error('amendments: merging a waiting amendment failed', { amendmentId: id, error })
      }
    }
  } catch (error) {
    deps.log.error('amendments: merging the waiting amendments failed', { positionId, error })
  }
  return done
}

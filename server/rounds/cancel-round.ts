import { transaction } from '../../db/query.ts'
import type { RoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { RoundResult } from '../../shared/rules/outcome.ts'
import { isDue } from '../../shared/rules/round-clock.ts'
import { mergeWaiting } from '../amendments/merge-waiting.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from '../positions/position.repo.ts'
import { transition } from '../positions/transition.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import { announce, closeInTransaction, timing } from './close-round.ts'
import { changeReason } from './round-change-input.ts'
import { storeCancel } from './round-change.repo.ts'
import { getRound } from './round.repo.ts'

export { CHANGE_REASON_MAX } from './round-change-input.ts'

/**
 * Cancels an open round inside the caller's transaction: the round ends without a result (its
 * ballots stay stored but count for nothing) and the position goes back to drafting with an
 * editable draft. The status flips by compare-and-set, so of a cancel and a close that race,
 * exactly one wins and the other finds the round no longer open.
 */
export function cancelInTransaction(deps: Deps, round: RoundRow, actorId: string, reason: string): void {
  const now = deps.now()
  if (!storeCancel(deps.db, round.id, { at: now, by: actorId, reason })) fail('round_closed')
  transition(deps, { id: round.position_id, status: 'in_round' }, 'cancel', actorId)
  recordAudit(deps, { actorId, action: 'round.cancel', objectType: 'round', objectId: round.id, data: { positionId: round.position_id, reason } })
  queueNotification(deps, 'round_cancelled', { roundId: round.id })
}

/** After the commit of a cancel: the draft is editable again; the sync core is told, and the amendments that waited for it are merged. */
export function announceCancel(deps: Deps, round: RoundRow): void {
  deps.events.emit('draft-readonly', { positionId: round.position_id, readonly: false })
  mergeWaiting(deps, round.position_id)
}

/**
 * A coordinator (or admin) cancels an open round, with a reason. A round past its deadline is
 * closed as the deadline would have closed it, and the cancel is refused with `round_closed`.
 */
export function cancelRound(deps: Deps, actor: Actor, roundId: string, input: { reason: string }): RoundRow {
  const reason = changeReason(input.reason)
  const outcome = transaction(deps.db, (): { cancelled: RoundRow } | { closed: { round: RoundRow; result: RoundResult } } | { ended: true } => {
    const round = getRound(deps.db, roundId) ?? fail('not_found')
    const position = getPosition(deps.db, round.position_id) ?? fail('not_found')
    if (!can(actor, { type: 'round.cancel', groupId: position.group_id })) fail('forbidden')
    if (round.status !== 'open') return { ended: true }
    // A refusal thrown in here would roll back the close, so it is thrown after the commit.
    if (isDue(timing(round), deps.now())) return { closed: { round, result: closeInTransaction(deps, round, null) } }
    cancelInTransaction(deps, round, actor.id, reason)
    return { cancelled: getRound(deps.db, roundId) ?? fail('internal') }
  })
  if ('closed' in outcome) announce(deps, outcome.closed.round, outcome.closed.result)
  if (!('cancelled' in outcome)) fail('round_closed')
  announceCancel(deps, outcome.cancelled)
  return outcome.cancelled
}

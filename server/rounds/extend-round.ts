import { transaction } from '../../db/query.ts'
import type { RoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { RoundResult } from '../../shared/rules/outcome.ts'
import { isDue } from '../../shared/rules/round-clock.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import { announce, closeInTransaction, timing } from './close-round.ts'
import { changeReason, checkLaterDeadline } from './round-change-input.ts'
import { getPosition } from '../positions/position.repo.ts'
import { storeExtension } from './round-change.repo.ts'
import { getRound } from './round.repo.ts'

/**
 * A coordinator (or admin) moves the deadline of an open round later, with a reason; the
 * extension is kept with the round and in the audit log. A round whose deadline has already
 * passed is closed as the deadline would have closed it, and the extension is refused.
 * The deadline job needs no word: it reads the stored deadline each time it wakes.
 */
export function extendRound(deps: Deps, actor: Actor, roundId: string, input: { closesAt: number; reason: string }): RoundRow {
  const reason = changeReason(input.reason)
  const now = deps.now()
  const outcome = transaction(deps.db, (): { extended: RoundRow } | { closed: { round: RoundRow; result: RoundResult } } | { ended: true } => {
    const round = getRound(deps.db, roundId) ?? fail('not_found')
    const position = getPosition(deps.db, round.position_id) ?? fail('not_found')
    if (!can(actor, { type: 'round.extend', groupId: position.group_id })) fail('forbidden')
    if (round.status !== 'open') return { ended: true }
    if (isDue(timing(round), now)) return { closed: { round, result: closeInTransaction(deps, round, null) } }
    checkLaterDeadline(round, input.closesAt)
    storeExtension(deps.db, round.id, { from: round.closes_at, to: input.closesAt, reason, by: actor.id, at: now }) || fail('conflict')
    recordAudit(deps, {
      actorId: actor.id,
      action: 'round.extend',
      objectType: 'round',
      objectId: round.id,
      data: { positionId: round.position_id, from: round.closes_at, to: input.closesAt, reason },
    })
    queueNotification(deps, 'deadline_extended', { roundId: round.id, reason })
    return { extended: getRound(deps.db, roundId) ?? fail('internal') }
  })
  if ('closed' in outcome) announce(deps, outcome.closed.round, outcome.closed.result)
  if (!('extended' in outcome)) fail('round_closed')
  return outcome.extended
}

import { transaction } from '../../db/query.ts'
import type { AmendmentRoundRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { isDue } from '../../shared/rules/round-clock.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import { getPosition } from '../positions/position.repo.ts'
import { changeReason, checkLaterDeadline } from '../rounds/round-change-input.ts'
import * as amendmentRepo from './amendment.repo.ts'
import { storeAmendmentCancel, storeAmendmentExtension } from './amendment-round-change.repo.ts'
import * as roundRepo from './amendment-round.repo.ts'
import { afterClose, closeAmendmentRoundInTransaction } from './close-amendment-round.ts'

const timing = (round: AmendmentRoundRow) => ({ status: round.status, closesAt: round.closes_at })

type Changed = { changed: AmendmentRoundRow } | { closed: true } | { ended: true }

/**
 * Runs a change of an open amendment round in one transaction, with the same rules as for rounds
 * on a version (extend-round.ts, cancel-round.ts): the coordinator's permission, a round that has
 * ended refuses with `round_closed`, and one past its deadline is closed as the deadline would
 * have closed it (its after-commit step runs) before the refusal.
 */
function changeOpenRound(deps: Deps, actor: Actor, roundId: string, action: 'round.extend' | 'round.cancel', change: (round: AmendmentRoundRow) => void): AmendmentRoundRow {
  const outcome = transaction(deps.db, (): Changed => {
    const round = roundRepo.getAmendmentRound(deps.db, roundId) ?? fail('not_found')
    const position = getPosition(deps.db, round.position_id) ?? fail('not_found')
    if (!can(actor, { type: action, groupId: position.group_id })) fail('forbidden')
    if (round.status !== 'open') return { ended: true }
    // A refusal thrown in here would roll back the close, so it is thrown after the commit.
    if (isDue(timing(round), deps.now())) {
      closeAmendmentRoundInTransaction(deps, round, null)
      return { closed: true }
    }
    change(round)
    return { changed: roundRepo.getAmendmentRound(deps.db, roundId) ?? fail('internal') }
  })
  if ('closed' in outcome) afterClose(deps, roundId, null)
  if (!('changed' in outcome)) fail('round_closed')
  return outcome.changed
}

/** A coordinator (or admin) moves the deadline of an open amendment round later, with a reason (audited, voters told). */
export function extendAmendmentRound(deps: Deps, actor: Actor, roundId: string, input: { closesAt: number; reason: string }): AmendmentRoundRow {
  const reason = changeReason(input.reason)
  return changeOpenRound(deps, actor, roundId, 'round.extend', (round) => {
    checkLaterDeadline(round, input.closesAt)
    storeAmendmentExtension(deps.db, round.id, { from: round.closes_at, to: input.closesAt, reason, by: actor.id, at: deps.now() }) || fail('conflict')
    recordAudit(deps, {
      actorId: actor.id,
      action: 'amendment_round.extend',
      objectType: 'amendment_round',
      objectId: round.id,
      data: { positionId: round.position_id, from: round.closes_at, to: input.closesAt, reason },
    })
    queueNotification(deps, 'deadline_extended', { roundId: round.id, reason })
  })
}

/**
 * A coordinator (or admin) cancels an open amendment round, with a reason: no result, its
 * amendments are open again (to be decided or put to a vote anew). The status flips by
 * compare-and-set, so of a cancel and a close that race exactly one wins. After the commit the
 * round's after-commit step runs, as after a close (`afterClose`: nothing was adopted, so it merges nothing).
 */
export function cancelAmendmentRound(deps: Deps, actor: Actor, roundId: string, input: { reason: string }): AmendmentRoundRow {
  const reason = changeReason(input.reason)
  const cancelled = changeOpenRound(deps, actor, roundId, 'round.cancel', (round) => {
    if (!storeAmendmentCancel(deps.db, round.id, { at: deps.now(), by: actor.id, reason })) fail('round_closed')
    amendmentRepo.clearRound(deps.db, round.id)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'amendment_round.cancel',
      objectType: 'amendment_round',
      objectId: round.id,
      data: { positionId: round.position_id, reason },
    })
    queueNotification(deps, 'round_cancelled', { roundId: round.id })
  })
  afterClose(deps, roundId, actor.id)
  return cancelled
}

import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from '../positions/position.repo.ts'
import * as amendmentRepo from './amendment.repo.ts'
import { mergeAmendment } from './merge-amendment.ts'

export type Decision = 'take_over' | 'reject'

/**
 * The coordinator decides an open amendment without a vote: takes it over (then it is merged
 * into the live draft at once, or as soon as the draft can be edited) or rejects it with a reason.
 * Recorded with who decided and when; an amendment in a round is decided by the round.
 */
export function decideAmendment(deps: Deps, actor: Actor, amendmentId: string, decision: Decision, reason?: string): amendmentRepo.AmendmentListed {
  const amendment = amendmentRepo.getAmendment(deps.db, amendmentId) ?? fail('not_found')
  const position = getPosition(deps.db, amendment.position_id) ?? fail('not_found')
  if (!can(actor, { type: 'amendment.decide', groupId: position.group_id })) fail('forbidden')
  const why = reason?.trim() || null
  if (decision === 'reject' && why === null) fail('validation', { key: 'amendments.error.reason_missing' }, 'reason')
  transaction(deps.db, () => {
    const now = deps.now()
    const changed =
      amendment.round_id === null &&
      amendmentRepo.setStatus(deps.db, amendment.id, ['open'], {
        status: decision === 'take_over' ? 'taken_over' : 'rejected',
        decided_by: actor.id,
        decided_at: now,
        decision_reason: why,
      })
    if (!changed) fail('amendment_decided')
    recordAudit(deps, {
      actorId: actor.id,
      action: decision === 'take_over' ? 'amendment.take_over' : 'amendment.reject',
      objectType: 'amendment',
      objectId: amendment.id,
      data: { positionId: position.id, number: amendment.number, reason: why },
    })
  })
  if (decision === 'take_over') mergeAmendment(deps, actor.id, amendment.id)
  return amendmentRepo.getAmendment(deps.db, amendment.id) ?? fail('internal')
}

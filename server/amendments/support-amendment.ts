import { isUniqueViolation, transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as amendmentRepo from './amendment.repo.ts'

/**
 * An initiative puts its support under an open amendment (or takes it back), through one of its
 * delegates. One support per initiative, whoever of its delegates gave it.
 */
export function setSupport(deps: Deps, actor: Actor, amendmentId: string, supported: boolean, wanted?: string): amendmentRepo.AmendmentListed {
  const amendment = amendmentRepo.getAmendment(deps.db, amendmentId) ?? fail('not_found')
  const delegateOf = actor.initiatives.filter((i) => i.role === 'delegate').map((i) => i.initiativeId)
  const initiativeId = wanted ?? (delegateOf.length === 1 ? delegateOf[0]! : delegateOf.length === 0 ? fail('forbidden') : fail('validation', undefined, 'initiativeId'))
  if (!can(actor, { type: 'amendment.support', initiativeId })) fail('forbidden', { key: 'amendments.error.not_initiative' }, 'initiativeId')
  if (amendment.status !== 'open' || amendment.round_id !== null) fail('amendment_decided')
  transaction(deps.db, () => {
    if (supported) {
      try {
        amendmentRepo.insertSupport(deps.db, { amendment_id: amendmentId, initiative_id: initiativeId, person_id: actor.id, created_at: deps.now() })
      } catch (error) {
        if (isUniqueViolation(error)) fail('duplicate', { key: 'amendments.error.already_supported' })
        throw error
      }
    } else if (!amendmentRepo.deleteSupport(deps.db, amendmentId, initiativeId)) fail('not_found', { key: 'amendments.error.not_supported' })
    recordAudit(deps, {
      actorId: actor.id,
      action: supported ? 'amendment.support' : 'amendment.unsupport',
      objectType: 'amendment',
      objectId: amendmentId,
      data: { positionId: amendment.position_id, number: amendment.number, initiativeId },
    })
  })
  return amendmentRepo.getAmendment(deps.db, amendmentId) ?? fail('internal')
}

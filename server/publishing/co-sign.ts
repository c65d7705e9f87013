import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { positionForPublishing } from './adoption.repo.ts'
import { getPublication, touchPublication } from './publication.repo.ts'
import { addSignature, removeSignature } from './signature.repo.ts'

/** A delegate co-signs a published position for their initiative. True when the signature is new. */
export function coSign(deps: Deps, actor: Actor, positionId: string, initiativeId: string): boolean {
  if (!can(actor, { type: 'signature.manage', initiativeId })) fail('forbidden')
  return transaction(deps.db, () => {
    const publication = getPublication(deps.db, positionId)
    if (!publication) {
      if (positionForPublishing(deps.db, positionId)) fail('invalid_state')
      fail('not_found')
    }
    if (publication.withdrawn_at !== null) fail('invalid_state')
    const now = deps.now()
    const added = addSignature(deps.db, { position_id: positionId, initiative_id: initiativeId, signed_by: actor.id, signed_at: now })
    if (added) {
      touchPublication(deps.db, positionId, now)
      recordAudit(deps, { actorId: actor.id, action: 'signature.add', objectType: 'position', objectId: positionId, data: { initiativeId } })
    }
    return added
  })
}

/** A delegate takes their initiative's co-signature back (also after a withdrawal). */
export function takeBackSignature(deps: Deps, actor: Actor, positionId: string, initiativeId: string): boolean {
  if (!can(actor, { type: 'signature.manage', initiativeId })) fail('forbidden')
  return transaction(deps.db, () => {
    if (!getPublication(deps.db, positionId)) fail('not_found')
    const removed = removeSignature(deps.db, positionId, initiativeId)
    if (removed) {
      touchPublication(deps.db, positionId, deps.now())
      recordAudit(deps, { actorId: actor.id, action: 'signature.remove', objectType: 'position', objectId: positionId, data: { initiativeId } })
    }
    return removed
  })
}

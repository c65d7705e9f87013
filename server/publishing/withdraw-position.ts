import { transaction } from '../../db/query.ts'
import type { PublicationRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { transition } from '../positions/transition.ts'
import { positionForPublishing } from './adoption.repo.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import { getPublication, markWithdrawn } from './publication.repo.ts'

/**
 * A spokesperson withdraws a published position. The public page stays (a record of what the
 * alliance once said), marked as withdrawn with the reason and the date.
 */
export function withdrawPosition(deps: Deps, actor: Actor, positionId: string, input: { reason: string }): PublicationRow {
  if (!can(actor, { type: 'position.withdraw' })) fail('forbidden')
  const reason = input.reason.trim()
  if (reason === '') fail('validation', undefined, 'reason')
  return transaction(deps.db, () => {
    const position = positionForPublishing(deps.db, positionId) ?? fail('not_found')
    const publication = getPublication(deps.db, positionId)
    if (position.status !== 'published' || !publication || publication.withdrawn_at !== null) fail('invalid_state')
    const now = deps.now()
    if (markWithdrawn(deps.db, positionId, { at: now, by: actor.id, reason }) !== 1) fail('conflict')
    transition(deps, position, 'withdraw', actor.id)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'position.withdraw',
      objectType: 'position',
      objectId: positionId,
      data: { slug: publication.slug, reason },
    })
    queueNotification(deps, 'withdrawn', { positionId })
    return getPublication(deps.db, positionId) ?? fail('internal')
  })
}

import { transaction } from '../../db/query.ts'
import type { TranslationRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPublication, touchPublication } from '../publishing/publication.repo.ts'
import { getTranslation, setTranslationStatus } from './translation.repo.ts'

/** A spokesperson publishes a translation (again, after a withdrawal) of a position that is still published. */
export function publishTranslation(deps: Deps, actor: Actor, translationId: string): TranslationRow {
  if (!can(actor, { type: 'translation.publish' })) fail('forbidden')
  return transaction(deps.db, () => {
    const current = getTranslation(deps.db, translationId) ?? fail('not_found')
    const publication = getPublication(deps.db, current.position_id) ?? fail('not_found')
    if (publication.withdrawn_at !== null || current.status === 'published') fail('invalid_state')
    const now = deps.now()
    if (!setTranslationStatus(deps.db, translationId, current.status, { status: 'published', at: now, by: actor.id })) fail('conflict')
    touchPublication(deps.db, current.position_id, now)
    recordAudit(deps, { actorId: actor.id, action: 'translation.publish', objectType: 'translation', objectId: translationId, data: { language: current.language } })
    return getTranslation(deps.db, translationId)!
  })
}

/** A spokesperson withdraws a published translation; it leaves the public page, the feed and the JSON. */
export function withdrawTranslation(deps: Deps, actor: Actor, translationId: string, reason: string): TranslationRow {
  if (!can(actor, { type: 'translation.publish' })) fail('forbidden')
  return transaction(deps.db, () => {
    const current = getTranslation(deps.db, translationId) ?? fail('not_found')
    if (current.status !== 'published') fail('invalid_state')
    const now = deps.now()
    if (!setTranslationStatus(deps.db, translationId, 'published', { status: 'withdrawn', at: now, reason })) fail('conflict')
    touchPublication(deps.db, current.position_id, now)
    recordAudit(deps, { actorId: actor.id, action: 'translation.withdraw', objectType: 'translation', objectId: translationId, data: { language: current.language, reason } })
    return getTranslation(deps.db, translationId)!
  })
}

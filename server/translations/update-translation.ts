import { newId } from '../../db/ids.ts'
import { transaction } from '../../db/query.ts'
import type { TranslationRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { touchPublication } from '../publishing/publication.repo.ts'
import { getTranslation, insertRevision, updateTranslationText } from './translation.repo.ts'
import { translationText, type TranslationUpdate } from './translation-text.ts'

/** A new text for a translation; every saved text is kept as a revision (its own history). */
export function updateTranslation(deps: Deps, actor: Actor, translationId: string, input: TranslationUpdate): TranslationRow {
  const text = translationText(input)
  return transaction(deps.db, () => {
    const current = getTranslation(deps.db, translationId) ?? fail('not_found')
    if (!can(actor, { type: 'translation.write', language: current.language })) fail('forbidden')
    const now = deps.now()
    updateTranslationText(deps.db, translationId, text, now)
    const revision = insertRevision(deps.db, { id: newId(), translation_id: translationId, title: text.title, summary: text.summary, content: text.content, created_by: actor.id, created_at: now })
    // A published translation's page, feed and JSON change with it.
    if (current.status === 'published') touchPublication(deps.db, current.position_id, now)
    recordAudit(deps, { actorId: actor.id, action: 'translation.update', objectType: 'translation', objectId: translationId, data: { revision } })
    return getTranslation(deps.db, translationId)!
  })
}

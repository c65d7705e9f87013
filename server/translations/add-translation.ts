import { newId } from '../../db/ids.ts'
import { isUniqueViolation, transaction } from '../../db/query.ts'
import type { TranslationRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPublication } from '../publishing/publication.repo.ts'
import { insertRevision, insertTranslation, translationOf } from './translation.repo.ts'
import { translationText, type TranslationInput } from './translation-text.ts'

/**
 * A spokesperson or a translator for the language adds a translation of a published position.
 * It is always of the published (adopted) version: its number and hash are copied, so the
 * translation says which text it renders even if nothing else about it is read. It starts as a
 * draft; a spokesperson publishes it.
 */
export function addTranslation(deps: Deps, actor: Actor, positionId: string, input: TranslationInput): TranslationRow {
  if (!can(actor, { type: 'translation.write', language: input.language })) fail('forbidden')
  const text = translationText(input)
  return transaction(deps.db, () => {
    const publication = getPublication(deps.db, positionId) ?? fail('not_found')
    if (publication.withdrawn_at !== null) fail('invalid_state')
    if (translationOf(deps.db, positionId, input.language)) fail('translation_exists', undefined, 'language')
    const now = deps.now()
    const row: TranslationRow = {
      id: newId(),
      position_id: positionId,
      language: input.language,
      ...text,
      version_number: publication.version_number,
      version_hash: publication.version_hash,
      status: 'draft',
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      published_at: null,
      published_by: null,
      withdrawn_at: null,
      withdraw_reason: null,
    }
    try {
      insertTranslation(deps.db, row)
    } catch (error) {
      if (isUniqueViolation(error)) fail('translation_exists', undefined, 'language')
      throw error
    }
    insertRevision(deps.db, { id: newId(), translation_id: row.id, title: text.title, summary: text.summary, content: text.content, created_by: actor.id, created_at: now })
    recordAudit(deps, { actorId: actor.id, action: 'translation.add', objectType: 'translation', objectId: row.id, data: { positionId, language: input.language, version: row.version_number } })
    return row
  })
}

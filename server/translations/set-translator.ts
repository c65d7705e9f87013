import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPerson } from '../people/person.repo.ts'
import { setTranslatorLanguages, translatorLanguagesOf } from './translator.repo.ts'

/** An admin gives a person the translator role for these languages (and takes it for all others). */
export function setTranslator(deps: Deps, actor: Actor, personId: string, languages: readonly string[]): string[] {
  if (!can(actor, { type: 'admin.manage' })) fail('forbidden')
  return transaction(deps.db, () => {
    if (!getPerson(deps.db, personId)) fail('not_found')
    setTranslatorLanguages(deps.db, personId, languages, deps.now())
    recordAudit(deps, { actorId: actor.id, action: 'person.translator', objectType: 'person', objectId: personId, data: { languages } })
    return translatorLanguagesOf(deps.db, personId)
  })
}

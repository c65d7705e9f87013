import { editorSchema } from '../../shared/editor/extensions.ts'
import { fail } from '../../shared/errors.ts'
import type { Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { getVersion } from '../versions/version.repo.ts'
import type { AmendmentListed } from './amendment.repo.ts'
import { findQuote } from './find-quote.ts'
import { proposeAmendment } from './propose-amendment.ts'

/** The form's way to propose: the passage named by quoting it (works without JavaScript). */
export function proposeByQuote(deps: Deps, actor: Actor, positionId: string, input: { versionNumber: number; quote: string; text: string; reason: string }): AmendmentListed {
  const version = getVersion(deps.db, positionId, input.versionNumber) ?? fail('not_found', undefined, 'versionNumber')
  const range = findQuote(editorSchema().nodeFromJSON(JSON.parse(version.content)), input.quote)
  return proposeAmendment(deps, actor, positionId, { versionNumber: input.versionNumber, ...range, text: input.text, reason: input.reason })
}

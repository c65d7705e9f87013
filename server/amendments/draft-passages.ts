import { editorSchema } from '../../shared/editor/extensions.ts'
import { fail } from '../../shared/errors.ts'
import { draftView } from '../comments/draft-anchor.ts'
import type { Deps } from '../deps.ts'
import { loadDocFromDb } from '../sync/load-doc.ts'
import { getVersion } from '../versions/version.repo.ts'
import { draftPlacer, type PassageTexts } from './overlap.ts'

/**
 * Places passages of a position's versions in its draft as stored (overlap.ts), reading the draft
 * and the versions only when a comparison needs them. Synchronous reads only, so it may run inside
 * a transaction; edits of the current event-loop turn that are not stored yet are not seen (a
 * keystroke's worth, which cannot move a passage from one place to another).
 */
export function draftPassages(deps: Pick<Deps, 'db'>, positionId: string): PassageTexts {
  const schema = editorSchema()
  return draftPlacer(
    (number) => schema.nodeFromJSON(JSON.parse((getVersion(deps.db, positionId, number) ?? fail('internal')).content)),
    () => {
      const { doc } = loadDocFromDb(deps.db, positionId)
      try {
        return draftView(doc).pmDoc
      } finally {
        doc.destroy()
      }
    },
  )
}

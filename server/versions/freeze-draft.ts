import { createHash } from 'node:crypto'
import type { VersionRow } from '../../db/schema/index.ts'
import { canonicalJson } from '../../shared/content/canonical-json.ts'
import { assertKnownContent } from '../content/assert-known-content.ts'
import { renderHtml } from '../content/render-html.ts'
import { yDocToProseMirrorJson } from '../content/ydoc-to-json.ts'
import type { Deps } from '../deps.ts'
import { loadDocFromDb } from '../sync/load-doc.ts'
import { insertVersion, latestVersionNumber } from './version.repo.ts'

/** Lower-case hex SHA-256 of the UTF-8 bytes of a version's canonical JSON. */
export function versionHash(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

/**
 * Freezes the stored draft into the next version. Must run inside the caller's transaction: the
 * number (max + 1) and the text are read and written in one step, so two freezes never get the
 * same number and the text is exactly what was stored when the round opened.
 */
export function freezeDraft(deps: Pick<Deps, 'db' | 'now'>, positionId: string, personId: string): VersionRow {
  const { doc } = loadDocFromDb(deps.db, positionId)
  const json = assertKnownContent(yDocToProseMirrorJson(doc))
  doc.destroy()
  const content = canonicalJson(json)
  const row: VersionRow = {
    position_id: positionId,
    number: latestVersionNumber(deps.db, positionId) + 1,
    content,
    html: renderHtml(json),
    hash: versionHash(content),
    created_by: personId,
    created_at: deps.now(),
  }
  insertVersion(deps.db, row)
  return row
}

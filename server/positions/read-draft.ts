import type { PositionRow } from '../../db/schema/index.ts'
import type { ContentJson } from '../content/build-content.ts'
import { renderHtml } from '../content/render-html.ts'
import { yDocToProseMirrorJson } from '../content/ydoc-to-json.ts'
import type { Deps } from '../deps.ts'
import { loadDocFromDb } from '../sync/load-doc.ts'

export interface DraftSnapshot {
  content: ContentJson
  html: string
}

/**
 * The live draft as it is now. Read from the database, not from the sync server's memory: every
 * update is stored before it is relayed, so the stored log is never behind what anyone sees.
 */
export function readDraft(deps: Pick<Deps, 'db'>, position: PositionRow): DraftSnapshot {
  const { doc } = loadDocFromDb(deps.db, position.id)
  try {
    const content = yDocToProseMirrorJson(doc)
    return { content, html: renderHtml(content) }
  } finally {
    doc.destroy()
  }
}

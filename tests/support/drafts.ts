import * as Y from 'yjs'
import type { Db } from '../../db/connection.ts'
import { appendUpdate } from '../../server/sync/doc.repo.ts'
import { DRAFT_FRAGMENT, loadDocFromDb } from '../../server/sync/load-doc.ts'

/** A block of a test draft: a paragraph's text, or a heading as ['h2', text]. */
export type DraftBlock = string | [`h${2 | 3 | 4}`, string]

function element(block: DraftBlock): Y.XmlElement {
  const [name, text, level] = typeof block === 'string' ? ['paragraph', block, undefined] : ['heading', block[1], Number(block[0].slice(1))]
  const el = new Y.XmlElement(name)
  if (level !== undefined) el.setAttribute('level', level as unknown as string)
  const yText = new Y.XmlText()
  yText.insert(0, text)
  el.insert(0, [yText])
  return el
}

/**
 * Replaces the stored draft's text with `blocks`, the way a collaborator's edit arrives: as one
 * Yjs update appended to the position's log.
 */
export function writeDraft(db: Db, positionId: string, blocks: DraftBlock[]): void {
  const { doc } = loadDocFromDb(db, positionId)
  const before = Y.encodeStateVector(doc)
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT)
  doc.transact(() => {
    if (fragment.length) fragment.delete(0, fragment.length)
    fragment.insert(0, blocks.map(element))
  })
  appendUpdate(db, positionId, Y.encodeStateAsUpdate(doc, before))
  doc.destroy()
}

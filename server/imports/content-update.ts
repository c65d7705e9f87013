import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { Db } from '../../db/connection.ts'
import { editorSchema } from '../../shared/editor/extensions.ts'
import type { ContentJson } from '../content/build-content.ts'
import { DRAFT_FRAGMENT, loadDocFromDb } from '../sync/load-doc.ts'

export interface DraftState {
  /** True when the draft holds no text at all (empty paragraphs do not count). */
  empty: boolean
  /** The Yjs update that puts `content` into the draft as it is stored now. */
  update: Uint8Array
}

/** Reads the stored draft and prepares the update that writes `content` into it. */
export function prepareDraftUpdate(db: Db, positionId: string, content: ContentJson): DraftState {
  const { doc } = loadDocFromDb(db, positionId)
  try {
    const fragment = doc.getXmlFragment(DRAFT_FRAGMENT)
    const empty = fragment.toArray().every((node) => node instanceof Y.XmlElement && node.toString().replace(/<[^>]*>/g, '').trim() === '')
    const before = Y.encodeStateVector(doc)
    doc.transact(() => {
      if (fragment.length) fragment.delete(0, fragment.length)
    })
    prosemirrorJSONToYXmlFragment(editorSchema(), content, fragment)
    return { empty, update: Y.encodeStateAsUpdate(doc, before) }
  } finally {
    doc.destroy()
  }
}

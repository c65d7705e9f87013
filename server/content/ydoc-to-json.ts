import * as Y from 'yjs'
import { editorSchema } from '../../shared/editor/extensions.ts'
import { DRAFT_FRAGMENT } from '../sync/load-doc.ts'
import { buildContent, type ContentJson } from './build-content.ts'

// y-prosemirror names a second mark of the same type "name--<hash>" so overlapping marks survive.
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/

function markName(attribute: string): string {
  return HASHED_MARK_NAME.exec(attribute)?.[1] ?? attribute
}

/**
 * Reads the Yjs tree without changing it. (y-tiptap's schema-aware reader deletes elements it
 * cannot place, which on a live document would become an edit broadcast to everybody.)
 */
function readNode(item: unknown): unknown[] {
  if (item instanceof Y.XmlText) {
    const delta = item.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>
    return delta.flatMap((op) => {
      if (typeof op.insert !== 'string') return []
      const text: Record<string, unknown> = { type: 'text', text: op.insert }
      if (op.attributes) {
        text.marks = Object.entries(op.attributes).map(([name, attrs]) =>
          attrs && typeof attrs === 'object' ? { type: markName(name), attrs } : { type: markName(name) },
        )
      }
      return [text]
    })
  }
  if (item instanceof Y.XmlElement) {
    const attrs = item.getAttributes()
    const node: Record<string, unknown> = { type: item.nodeName }
    if (Object.keys(attrs).length) node.attrs = attrs
    const children = item.toArray().flatMap(readNode)
    if (children.length) node.content = children
    return [node]
  }
  return []
}

/**
 * The draft's text as canonical ProseMirror JSON. Whatever the schema does not know is left out,
 * never an error: one misbehaving client must not make a draft unreadable for everybody.
 */
export function yDocToProseMirrorJson(doc: Y.Doc): ContentJson {
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT)
  const raw = { type: 'doc', content: fragment.toArray().flatMap(readNode) }
  return buildContent(editorSchema(), raw, 'lenient').toJSON() as ContentJson
}

import * as Y from 'yjs'

/** The Y.XmlFragment TipTap's Collaboration extension writes into (and our server reads). */
export const FRAGMENT = 'content'

/** Characters per edit: every edit inserts this many, so an edit's index is its clock / EDIT_LENGTH. */
export const EDIT_LENGTH = 2

/**
 * The starting document of a fan-out run: one paragraph per client, so that every writer types
 * at the end of its own paragraph and its pre-encoded edits never depend on anyone else's.
 */
export function baseDocument(paragraphs: number, clientId = 1): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const fragment = doc.getXmlFragment(FRAGMENT)
  doc.transact(() => {
    const items: Y.XmlElement[] = []
    for (let i = 0; i < paragraphs; i++) {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(`Absatz ${i}: `)])
      items.push(paragraph)
    }
    fragment.insert(0, items)
  })
  return Y.encodeStateAsUpdate(doc)
}

/** The XmlText of paragraph `index` in a document built from baseDocument. */
export function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment(FRAGMENT).get(index) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

const WORDS = ['wo', 'hn', 'en', ' f', 'ür', ' a', 'll', 'e ', 'un', 'd ', 'ar', 'be', 'it', ' .']

/** The text of edit `i` (always EDIT_LENGTH characters). */
export function editText(i: number): string {
  return WORDS[i % WORDS.length]!
}

/**
 * Pre-encodes `count` edits of one writer (V1 updates) typing at the end of its paragraph, with
 * its own client id. Encoding ahead keeps the load generator's per-edit cost at two socket writes.
 */
export function writerEdits(base: Uint8Array, paragraph: number, clientId: number, count: number): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = clientId
  Y.applyUpdate(doc, base)
  const text = paragraphText(doc, paragraph)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) text.insert(text.length, editText(i))
  doc.destroy()
  if (updates.length !== count) throw new Error(`expected ${count} updates, got ${updates.length}`)
  return updates
}

import * as Y from 'yjs'
import { rng } from '../lib/stats.ts'
import { FRAGMENT } from './edits.ts'

export interface EditLog {
  updates: Uint8Array[]
  /** The document after all updates, encoded as one update (what a compacted store holds). */
  state: Uint8Array
  /** The fragment's XML, to check what a client loads. */
  content: string
  bytes: number
}

const LETTERS = 'eeeeennnnniiiisssrrraattdhulcgmobwfkzpvüäöß,.'

/**
 * A draft typed the way a TipTap editor produces it: one transaction per keystroke into the
 * XmlText of a paragraph, mostly at the end, sometimes in the middle, with backspaces and an
 * Enter (new paragraph) now and then. Deterministic for a seed.
 */
export function tiptapEditLog(edits: number, seed = 42, clientId = 4242): EditLog {
  const random = rng(seed)
  const doc = new Y.Doc()
  doc.clientID = clientId
  const fragment = doc.getXmlFragment(FRAGMENT)
  const updates: Uint8Array[] = []
  let bytes = 0
  doc.on('update', (update: Uint8Array) => {
    updates.push(update)
    bytes += update.length
  })
  const newParagraph = (at: number): Y.XmlText => {
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    fragment.insert(at, [paragraph])
    return text
  }
  let index = 0
  let text = newParagraph(0)
  let cursor = 0
  while (updates.length < edits) {
    const r = random()
    if (r < 0.86) {
      const ch = random() < 0.17 ? ' ' : LETTERS[Math.floor(random() * LETTERS.length)]!
      text.insert(cursor++, ch)
    } else if (r < 0.97) {
      if (cursor === 0) continue
      text.delete(--cursor, 1)
    } else if (r < 0.99) {
      index++
      text = newParagraph(index)
      cursor = 0
    } else {
      cursor = Math.floor(random() * (text.length + 1))
    }
  }
  updates.length = edits
  const state = Y.encodeStateAsUpdate(doc)
  const content = fragment.toString()
  doc.destroy()
  return { updates, state, content, bytes }
}

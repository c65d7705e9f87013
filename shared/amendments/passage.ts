import type { Node as PmNode } from '@tiptap/pm/model'

/** A passage of a version's text: ProseMirror positions, both inside text blocks. */
export interface PassageRange {
  from: number
  to: number
}

/** The content range (from the first to the last position inside) of every text block, in order. */
function textBlocks(doc: PmNode): PassageRange[] {
  const blocks: PassageRange[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    blocks.push({ from: pos + 1, to: pos + 1 + node.content.size })
    return false
  })
  return blocks
}

/**
 * A selection as a passage the server accepts: both ends moved into text blocks, the way a
 * reader meant it. A triple click or a selection dragged to the end of a line ends at the start
 * of the next paragraph (or between blocks); that end moves back to the end of the text before
 * it, and a start at the end of a paragraph moves to the next one. Null when no text is left.
 */
export function snapPassage(doc: PmNode, from: number, to: number): PassageRange | null {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null
  const size = doc.content.size
  let start = Math.max(0, Math.min(size, Math.round(Math.min(from, to))))
  let end = Math.max(0, Math.min(size, Math.round(Math.max(from, to))))
  const blocks = textBlocks(doc)
  const first = blocks.find((b) => b.to > start)
  const last = [...blocks].reverse().find((b) => b.from < end)
  if (!first || !last) return null
  start = Math.max(start, first.from)
  end = Math.min(end, last.to)
  if (start >= end || doc.textBetween(start, end, '\n', ' ').trim() === '') return null
  return { from: start, to: end }
}

/** The whole text block at (or after) `pos`: where a tap without a selection points. */
export function blockAt(doc: PmNode, pos: number): PassageRange | null {
  const block = textBlocks(doc).find((b) => b.to >= pos && b.to > b.from)
  return block ? snapPassage(doc, block.from, block.to) : null
}

/**
 * The passage as block nodes (JSON): each text block it touches, cut to the passage, with its
 * formatting. It fills the replacement editor (so a change is an edit of the passage) and shows
 * the old side of an amendment's diff. List items and quotes around the text are left out: a
 * replacement goes in at both ends the way these blocks come out.
 */
export function passageBlocks(doc: PmNode, from: number, to: number): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    const start = pos + 1
    const end = start + node.content.size
    if (end < from || start > to || (end === from && from !== to) || (start === to && from !== to)) return false
    const cut = node.content.cut(Math.max(from, start) - start, Math.min(to, end) - start)
    out.push(node.copy(cut).toJSON() as Record<string, unknown>)
    return false
  })
  return out
}

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
 * The passage as block nodes (JSON), with its formatting: it fills the replacement editor (so a
 * change is an edit of the passage) and is the old side of an amendment's diff. Inside one text
 * block it is that block cut to the passage; across blocks it is the cut of the text from the
 * top, with the lists and quotes around its ends, so that put back unchanged (see
 * applyReplacement on the server) it leaves the text as it was.
 */
export function passageBlocks(doc: PmNode, from: number, to: number): Array<Record<string, unknown>> {
  const $from = doc.resolve(from)
  const $to = doc.resolve(to)
  if ($from.parent === $to.parent && $from.parent.isTextblock) {
    const block = $from.parent
    return [block.copy(block.content.cut($from.parentOffset, $to.parentOffset)).toJSON() as Record<string, unknown>]
  }
  return (doc.slice(from, to, true).content.toJSON() ?? []) as Array<Record<string, unknown>>
}

import type { Node as PmNode } from '@tiptap/pm/model'
import { absolutePositionToRelativePosition, initProseMirrorDoc, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { editorSchema } from '../../shared/editor/extensions.ts'
import { fail } from '../../shared/errors.ts'
import { DRAFT_FRAGMENT } from '../sync/load-doc.ts'

/**
 * A draft read as ProseMirror sees it, with the mapping between Yjs types and ProseMirror nodes
 * that converting positions needs. Build it on a copy of the draft (loaded from the stored log):
 * y-tiptap's reader deletes elements the schema cannot place, which must never reach the live doc.
 */
export interface DraftView {
  ydoc: Y.Doc
  fragment: Y.XmlFragment
  pmDoc: PmNode
  mapping: Map<Y.AbstractType<unknown>, PmNode>
}

export function draftView(ydoc: Y.Doc): DraftView {
  const fragment = ydoc.getXmlFragment(DRAFT_FRAGMENT)
  const { doc, mapping } = initProseMirrorDoc(fragment, editorSchema())
  return { ydoc, fragment, pmDoc: doc, mapping: mapping as unknown as DraftView['mapping'] }
}

/** The text of a passage as a reader sees it: blocks separated by a line break. */
export function quoteOf(pmDoc: PmNode, from: number, to: number): string {
  return pmDoc.textBetween(from, to, '\n', ' ')
}

export interface EncodedAnchor {
  from: Uint8Array
  to: Uint8Array
  quote: string
}

/**
 * Turns a ProseMirror range of the draft into two Yjs relative positions. The start sticks to
 * the first character of the passage and the end to its last one, so typing right before or
 * right after the passage stays outside it, and typing inside it stays inside.
 */
export function anchorInDraft(view: DraftView, from: number, to: number): EncodedAnchor {
  const size = view.pmDoc.content.size
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > size || from >= to) {
    fail('validation', undefined, 'anchor')
  }
  const quote = quoteOf(view.pmDoc, from, to)
  if (quote.trim() === '') fail('validation', undefined, 'anchor')
  const start = stickRight(view, absolutePositionToRelativePosition(from, view.fragment, view.mapping as never))
  const end = absolutePositionToRelativePosition(to, view.fragment, view.mapping as never)
  return { from: Y.encodeRelativePosition(start), to: Y.encodeRelativePosition(end), quote }
}

// y-tiptap makes every position stick to the character on its left; for the start of a passage
// that would pull text typed just before it into the passage.
function stickRight(view: DraftView, rel: Y.RelativePosition): Y.RelativePosition {
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, view.ydoc)
  if (!abs || !(abs.type instanceof Y.XmlText) || abs.index >= abs.type.length) return rel
  return Y.createRelativePositionFromTypeIndex(abs.type, abs.index, 0)
}

/** Where an anchor stands in the draft now, or null when its passage is gone. */
export function resolveInDraft(view: DraftView, from: Uint8Array, to: Uint8Array): { from: number; to: number } | null {
  try {
    const a = toAbsolute(view, Y.decodeRelativePosition(from))
    const b = toAbsolute(view, Y.decodeRelativePosition(to))
    if (a === null || b === null || a >= b || b > view.pmDoc.content.size) return null
    if (quoteOf(view.pmDoc, a, b).trim() === '') return null
    return { from: a, to: b }
  } catch {
    return null
  }
}

// y-tiptap takes an item-based position that lands at ProseMirror position 1 or 0 for one
// misplaced by a structural change and answers null; so the start of the first paragraph would
// count as gone. Within a text, a position relative to the text itself means the same place.
function toAbsolute(view: DraftView, rel: Y.RelativePosition): number | null {
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, view.ydoc)
  const plain = abs && abs.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(abs.type, abs.index, -1) : rel
  return relativePositionToAbsolutePosition(view.ydoc, view.fragment, plain, view.mapping as never)
}

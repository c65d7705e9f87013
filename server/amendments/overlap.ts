import type { Node as PmNode } from '@tiptap/pm/model'
import { alignTokens, MAX_EDITS, tokensOf } from './map-passage.ts'

/** An amendment's passage: a range of one version's text. */
export interface Passage {
  version_number: number
  from_pos: number
  to_pos: number
}

/** Yes, no, or cannot tell (the draft changed too much since a version to align them). */
export type Overlap = 'yes' | 'no' | 'unknown'

/** Places passages of a position's versions in its live draft (`draftPlacer`). */
export interface PassageTexts {
  inDraft(passage: Passage): Range | null
}

/**
 * Places passages in the draft, reading the draft and each version only when first needed and
 * aligning each version with the draft once.
 */
export function draftPlacer(versionOf: (number: number) => PmNode, draftOf: () => PmNode, maxEdits = MAX_EDITS): PassageTexts {
  let draft: PmNode | undefined
  const alignments = new Map<number, Int32Array | null>()
  return {
    inDraft(p) {
      draft ??= draftOf()
      if (!alignments.has(p.version_number)) alignments.set(p.version_number, alignTokens(tokensOf(versionOf(p.version_number)), tokensOf(draft), maxEdits))
      const matches = alignments.get(p.version_number)!
      return matches && placeByAlignment(matches, draft.content.size, p.from_pos, p.to_pos)
    },
  }
}

/** Two passages of the same version that share at least one position. */
export function sameVersionOverlap(a: Passage, b: Passage): boolean {
  return a.version_number === b.version_number && a.from_pos < b.to_pos && b.from_pos < a.to_pos
}

/**
 * Whether two amendments change the same text. Of the same version: compared in that version
 * (where they were written; stable while the draft changes). Of different versions: compared where
 * both would be merged, in the live draft: each passage is placed there as the merge would place
 * it, or, when it was changed since its version, as the stretch of the draft that took its place
 * (between the nearest text on either side that is still there). Where the draft changed too much
 * to align it with a version, the answer is `unknown`: opening a round treats it as an overlap
 * (the coordinator sets an order), a close does not make an adopted amendment obsolete on it.
 * Right at the edge of a changed passage the answer can go either way (where a deleted word sat,
 * before or after the space next to it); what the comparison lets through, the merge finds as a
 * conflict.
 */
export function passagesOverlap(texts: PassageTexts, a: Passage, b: Passage): Overlap {
  if (a.version_number === b.version_number) return sameVersionOverlap(a, b) ? 'yes' : 'no'
  const ra = texts.inDraft(a)
  const rb = texts.inDraft(b)
  if (!ra || !rb) return 'unknown'
  return rangesMeet(ra, rb) ? 'yes' : 'no'
}

export interface Range {
  from: number
  to: number
}

/** Two ranges share a position; an empty range (a passage deleted in the draft) meets one that contains its point. */
export function rangesMeet(a: Range, b: Range): boolean {
  if (a.from === a.to) return b.from < a.from && a.from < b.to
  if (b.from === b.to) return a.from < b.from && b.from < a.to
  return a.from < b.to && b.from < a.to
}

/**
 * Where the passage [from, to) of a version is in the draft, given the alignment of the two
 * (alignTokens): its own tokens when they are all still there in one piece; otherwise the stretch
 * between the last token before it and the first token after it that the draft still has (what
 * took its place).
 */
export function placeByAlignment(matches: Int32Array, draftSize: number, from: number, to: number): Range {
  let intact = true
  for (let i = from; i < to && intact; i++) intact = matches[i]! >= 0 && (i === from || matches[i] === matches[i - 1]! + 1)
  if (intact) return { from: matches[from]!, to: matches[to - 1]! + 1 }
  let start = 0
  for (let i = from - 1; i >= 0; i--) {
    if (matches[i]! >= 0) {
      start = matches[i]! + 1
      break
    }
  }
  let end = draftSize
  for (let i = to; i < matches.length; i++) {
    if (matches[i]! >= 0) {
      end = matches[i]!
      break
    }
  }
  return { from: start, to: Math.max(start, end) }
}

import { describe, expect, it } from 'vitest'
import type { Node as PmNode } from '@tiptap/pm/model'
import { editorSchema } from '../../../shared/editor/extensions.ts'
import { draftPlacer, passagesOverlap, rangesMeet, sameVersionOverlap, type Passage } from '../../../server/amendments/overlap.ts'

const schema = editorSchema()

function doc(...paragraphs: string[]): PmNode {
  return schema.nodeFromJSON({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })) })
}

/** The passage `text` (its first occurrence) of version `n`, whose text is `d`. */
function passage(n: number, d: PmNode, text: string): Passage {
  let found: Passage | null = null
  d.descendants((node, pos) => {
    if (found || !node.isText) return
    const at = node.text!.indexOf(text)
    if (at >= 0) found = { version_number: n, from_pos: pos + at, to_pos: pos + at + text.length }
  })
  if (!found) throw new Error(`"${text}" not in version ${n}`)
  return found
}

const V1 = doc('Wir fordern bezahlbaren Wohnraum für alle.')
// Version 2: words added in front, so every position of version 1 moved.
const V2 = doc('Zuerst und vor allem anderen: Wir fordern bezahlbaren Wohnraum für alle.')

function texts(draft: PmNode, versions: PmNode[] = [V1, V2], maxEdits?: number) {
  let draftReads = 0
  const placer = draftPlacer(
    (n) => versions[n - 1]!,
    () => {
      draftReads++
      return draft
    },
    maxEdits,
  )
  return { placer, draftReads: () => draftReads }
}

describe('whether two amendments change the same text', () => {
  it('compares amendments of one version in that version, without reading the draft', () => {
    const t = texts(doc('ganz anders'))
    expect(passagesOverlap(t.placer, passage(1, V1, 'bezahlbaren'), passage(1, V1, 'bezahlbaren Wohnraum'))).toBe('yes')
    expect(passagesOverlap(t.placer, passage(1, V1, 'bezahlbaren'), passage(1, V1, 'Wohnraum'))).toBe('no')
    expect(t.draftReads()).toBe(0)
    expect(sameVersionOverlap(passage(1, V1, 'bezahlbaren'), passage(2, V2, 'bezahlbaren'))).toBe(false)
  })

  it('compares amendments of different versions where they will be merged, not by their numbers', () => {
    const t = texts(V2)
    const old = passage(1, V1, 'bezahlbaren')
    expect(passagesOverlap(t.placer, old, passage(2, V2, 'bezahlbaren Wohnraum'))).toBe('yes')
    expect(passagesOverlap(t.placer, old, passage(2, V2, 'Wohnraum für'))).toBe('no')
    // The same numbers in version 2 are other words ("r allem and"): no overlap.
    expect(passagesOverlap(t.placer, old, { version_number: 2, from_pos: old.from_pos, to_pos: old.to_pos })).toBe('no')
    expect(t.draftReads()).toBe(1)
  })

  it('places a passage changed since its version as the stretch of the draft that took its place', () => {
    const v2 = doc('Wir fordern günstigen Wohnraum für alle.')
    const t = texts(doc('Wir fordern günstigen Wohnraum für alle. Sofort.'), [V1, v2])
    const old = passage(1, V1, 'bezahlbaren')
    expect(passagesOverlap(t.placer, old, passage(2, v2, 'günstigen Wohnraum'))).toBe('yes')
    expect(passagesOverlap(t.placer, old, passage(2, v2, 'alle.'))).toBe('no')
  })

  it('places a passage deleted in the draft at the point where it was', () => {
    const t = texts(doc('Wir fordern Wohnraum für alle.'))
    const deleted = passage(1, V1, 'bezahlbaren ')
    expect(t.placer.inDraft(deleted)).toEqual({ from: 13, to: 13 })
    expect(passagesOverlap(t.placer, deleted, passage(2, V2, 'Wir fordern bezahlbaren Wohnraum'))).toBe('yes')
    expect(passagesOverlap(t.placer, deleted, passage(2, V2, 'für alle.'))).toBe('no')
  })

  it('cannot tell when the draft changed too much to be aligned with a version', () => {
    const t = texts(doc('Etwas ganz anderes steht jetzt hier.'), [V1, V2], 3)
    expect(passagesOverlap(t.placer, passage(1, V1, 'bezahlbaren'), passage(2, V2, 'alle.'))).toBe('unknown')
  })

  it('lets an empty range meet only a range around its point', () => {
    expect(rangesMeet({ from: 5, to: 5 }, { from: 3, to: 8 })).toBe(true)
    expect(rangesMeet({ from: 5, to: 5 }, { from: 5, to: 8 })).toBe(false)
    expect(rangesMeet({ from: 3, to: 8 }, { from: 8, to: 8 })).toBe(false)
    expect(rangesMeet({ from: 3, to: 8 }, { from: 7, to: 9 })).toBe(true)
    expect(rangesMeet({ from: 3, to: 8 }, { from: 8, to: 9 })).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { blockAt, passageBlocks, snapPassage } from '../../../shared/amendments/passage.ts'
import { editorSchema } from '../../../shared/editor/extensions.ts'
import { applyReplacement, passageQuote, replacementFromContent } from '../../../server/amendments/replacement.ts'

// Positions in this document: <p>(0) "Wir fordern bezahlbaren Wohnraum." 1–34 </p>(34) <p>(35)
// "Sprachkurse ab dem ersten Tag." 36–66 </p>(66) <ul>(67) <li>(68) <p>(69) "Für alle." 70–79 …
const version = editorSchema().nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Wir fordern ' }, { type: 'text', text: 'bezahlbaren', marks: [{ type: 'bold' }] }, { type: 'text', text: ' Wohnraum.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Sprachkurse ab dem ersten Tag.' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Für alle.' }] }] }] },
  ],
})
const FIRST_END = 34
const SECOND_START = 36

describe('a selection in the version text as the passage the server accepts', () => {
  it('keeps a selection inside a paragraph as it is', () => {
    expect(snapPassage(version, 13, 24)).toEqual({ from: 13, to: 24 })
    expect(passageQuote(version, 13, 24)).toBe('bezahlbaren')
  })

  it('moves the end of a triple click (the start of the next paragraph) back to the end of the paragraph', () => {
    expect(snapPassage(version, 1, SECOND_START)).toEqual({ from: 1, to: FIRST_END })
    // …and between the blocks, too.
    expect(snapPassage(version, 1, FIRST_END + 1)).toEqual({ from: 1, to: FIRST_END })
  })

  it('moves a start at the end of a paragraph to the start of the next one', () => {
    expect(snapPassage(version, FIRST_END, SECOND_START + 11)).toEqual({ from: SECOND_START, to: SECOND_START + 11 })
    expect(snapPassage(version, 0, 5)).toEqual({ from: 1, to: 5 })
  })

  it('turns a backwards selection around, and clamps it to the text', () => {
    expect(snapPassage(version, 24, 13)).toEqual({ from: 13, to: 24 })
    expect(snapPassage(version, 70, 10_000)).toEqual({ from: 70, to: 79 })
  })

  it('gives nothing for a selection without text, or with broken numbers', () => {
    expect(snapPassage(version, FIRST_END, SECOND_START)).toBeNull()
    expect(snapPassage(version, 5, 5)).toBeNull()
    expect(snapPassage(version, Number.NaN, 5)).toBeNull()
  })

  it('every snapped passage is one the server accepts', () => {
    for (let from = 0; from <= version.content.size; from++) {
      for (let to = from; to <= version.content.size; to++) {
        const range = snapPassage(version, from, to)
        if (range) expect(() => passageQuote(version, range.from, range.to), `${from}-${to}`).not.toThrow()
      }
    }
  })
})

describe('a tap without a selection', () => {
  it('takes the whole paragraph (or list item) the caret is in', () => {
    expect(blockAt(version, 5)).toEqual({ from: 1, to: FIRST_END })
    expect(blockAt(version, SECOND_START)).toEqual({ from: SECOND_START, to: 66 })
    expect(blockAt(version, 72)).toEqual({ from: 70, to: 79 })
  })
})

describe('the passage as blocks (the editor starts with them; the diff shows them)', () => {
  it('cuts a passage inside a paragraph with its formatting', () => {
    expect(passageBlocks(version, 9, 24)).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'ern ' },
          { type: 'text', text: 'bezahlbaren', marks: [{ type: 'bold' }] },
        ],
      },
    ])
  })

  it('across blocks, cuts the text from the top with the list around its end, and leaves out a block it only touches', () => {
    expect(passageBlocks(version, 25, 74)).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Wohnraum.' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Sprachkurse ab dem ersten Tag.' }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Für ' }] }] }] },
    ])
    expect(passageBlocks(version, 1, FIRST_END)).toHaveLength(1)
  })

  it('put back unchanged, the blocks leave the text as it was (so an untouched editor changes nothing)', () => {
    for (const [from, to] of [
      [9, 24],
      [25, 74],
      [1, FIRST_END],
      [72, 79],
      [SECOND_START, 66],
    ] as const) {
      const applied = applyReplacement(version, from, to, replacementFromContent(passageBlocks(version, from, to)))
      expect(applied.eq(version), `${from}-${to}`).toBe(true)
    }
  })
})

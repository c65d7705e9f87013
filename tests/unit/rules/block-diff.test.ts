import { describe, expect, it } from 'vitest'
import { diffDocuments, diffStats, EDIT_SIMILARITY, similarity, textBlocks, type PmNode } from '../../../shared/diff/block-diff.ts'

const p = (text: string): PmNode => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })
const h = (level: number, text: string): PmNode => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] })
const doc = (...content: PmNode[]): PmNode => ({ type: 'doc', content })

describe('block diff', () => {
  it('flattens lists and quotes into text blocks with their context', () => {
    const blocks = textBlocks(
      doc(h(2, 'Titel'), { type: 'bulletList', content: [{ type: 'listItem', content: [p('eins')] }] }, { type: 'blockquote', content: [p('Zitat')] }),
    )
    expect(blocks).toEqual([
      { type: 'heading', level: 2, context: [], text: 'Titel' },
      { type: 'paragraph', context: ['bulletList', 'listItem'], text: 'eins' },
      { type: 'paragraph', context: ['blockquote'], text: 'Zitat' },
    ])
  })

  it('joins marked text and turns hard breaks into newlines', () => {
    const para: PmNode = {
      type: 'paragraph',
      content: [{ type: 'text', text: 'a ' }, { type: 'text', text: 'fett', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'b' }],
    }
    expect(textBlocks(doc(para))[0]?.text).toBe('a fett\nb')
  })

  it('marks equal blocks equal', () => {
    const d = doc(p('Wir fordern Wohnraum.'))
    expect(diffDocuments(d, d)).toEqual([{ status: 'equal', type: 'paragraph', context: [], parts: [{ op: 'equal', text: 'Wir fordern Wohnraum.' }] }])
  })

  it('diffs an edited block word by word', () => {
    const blocks = diffDocuments(doc(p('Wir fordern bezahlbaren Wohnraum.')), doc(p('Wir fordern sofort bezahlbaren Wohnraum für alle.')))
    expect(blocks).toHaveLength(1)
    expect(blocks[0]!.status).toBe('changed')
    const inserted = blocks[0]!.parts.filter((x) => x.op === 'insert').map((x) => x.text.trim())
    expect(inserted).toEqual(['sofort', 'für alle'])
    expect(blocks[0]!.parts.filter((x) => x.op === 'delete')).toEqual([])
  })

  it('shows replaced words as a deletion and an insertion', () => {
    const [block] = diffDocuments(doc(p('Die Stadt muss handeln.')), doc(p('Das Land muss handeln.')))
    expect(block!.parts.filter((x) => x.op === 'delete').map((x) => x.text)).toEqual(['Die Stadt'])
    expect(block!.parts.filter((x) => x.op === 'insert').map((x) => x.text)).toEqual(['Das Land'])
  })

  it('keeps unchanged blocks around inserted and deleted ones aligned', () => {
    const before = doc(p('Eins.'), p('Zwei.'), p('Drei.'))
    const after = doc(p('Eins.'), p('Drei.'), p('Vier.'))
    const blocks = diffDocuments(before, after)
    expect(blocks.map((b) => [b.status, b.parts.map((x) => x.text).join('')])).toEqual([
      ['equal', 'Eins.'],
      ['deleted', 'Zwei.'],
      ['equal', 'Drei.'],
      ['inserted', 'Vier.'],
    ])
    expect(diffStats(blocks)).toEqual({ inserted: 1, deleted: 1, changed: 0 })
  })

  it('pairs replaced blocks that are alike as edits, the others as deleted and inserted', () => {
    const blocks = diffDocuments(
      doc(p('Die Stadt muss handeln.'), p('Ein ganz anderer Gedanke.'), p('C')),
      doc(h(2, 'Wohnen'), p('Das Land muss sofort handeln.'), p('C')),
    )
    expect(blocks.map((b) => [b.status, b.type])).toEqual([
      ['inserted', 'heading'],
      ['changed', 'paragraph'],
      ['deleted', 'paragraph'],
      ['equal', 'paragraph'],
    ])
  })

  it('does not pair blocks of different types even when their words match', () => {
    const blocks = diffDocuments(doc(p('Wohnen')), doc(h(2, 'Wohnen')))
    expect(blocks.map((b) => b.status)).toEqual(['deleted', 'inserted'])
  })

  it('measures how alike two texts are', () => {
    expect(similarity('a b c', 'a b c')).toBe(1)
    expect(similarity('', 'x')).toBe(0)
    expect(similarity('Die Stadt muss handeln.', 'Das Land muss sofort handeln.')).toBeGreaterThan(EDIT_SIMILARITY)
    expect(similarity('Eins zwei drei.', 'Völlig anders hier!')).toBeLessThan(EDIT_SIMILARITY)
  })

  it('treats a heading level change as an edited block', () => {
    const blocks = diffDocuments(doc(h(2, 'Titel')), doc(h(3, 'Titel')))
    expect(blocks[0]).toMatchObject({ status: 'changed', level: 3 })
  })

  it('handles empty documents', () => {
    expect(diffDocuments(doc(), doc(p('neu')))).toEqual([{ status: 'inserted', type: 'paragraph', context: [], parts: [{ op: 'insert', text: 'neu' }] }])
    expect(diffDocuments(doc(p('')), doc())).toEqual([{ status: 'deleted', type: 'paragraph', context: [], parts: [] }])
  })
})

import { describe, expect, it } from 'vitest'
import type { Node as PmNode } from '@tiptap/pm/model'
import { editorSchema } from '../../../shared/editor/extensions.ts'
import { AppError } from '../../../shared/errors.ts'
import { alignTokens, mapPassage, tokensOf } from '../../../server/amendments/map-passage.ts'
import { applyReplacement, passageQuote, replacementFromContent, replacementFromText, replacementText } from '../../../server/amendments/replacement.ts'

const schema = editorSchema()

function doc(...paragraphs: string[]): PmNode {
  return schema.nodeFromJSON({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })) })
}

/** ProseMirror range of the first occurrence of `passage` in a document of plain paragraphs. */
function rangeOf(d: PmNode, passage: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null
  d.descendants((node, pos) => {
    if (found || !node.isText) return
    const at = node.text!.indexOf(passage)
    if (at >= 0) found = { from: pos + at, to: pos + at + passage.length }
  })
  if (!found) throw new Error(`"${passage}" not in the document`)
  return found
}

function paragraphs(d: PmNode): string[] {
  const out: string[] = []
  d.forEach((node) => out.push(node.textContent))
  return out
}

describe('placing a passage of a version in the live draft', () => {
  const version = doc('Wir fordern bezahlbaren Wohnraum für alle.', 'Sprachkurse ab dem ersten Tag.')

  it('finds it unchanged where it was', () => {
    const r = rangeOf(version, 'bezahlbaren Wohnraum')
    expect(mapPassage(version, version, r.from, r.to)).toEqual({ ok: true, ...r })
  })

  it('follows it when text was typed before it, in its paragraph and in an earlier one', () => {
    const draft = doc('Präambel.', 'Wir fordern sofort bezahlbaren Wohnraum für alle.', 'Sprachkurse ab dem ersten Tag.')
    const r = rangeOf(version, 'bezahlbaren Wohnraum')
    const mapped = mapPassage(version, draft, r.from, r.to)
    expect(mapped).toEqual({ ok: true, ...rangeOf(draft, 'bezahlbaren Wohnraum') })
  })

  it('is not disturbed by text typed right before and right after it, or by a later paragraph', () => {
    const draft = doc('Wir fordern XbezahlbarenY Wohnraum für alle!', 'Sprachkurse ab dem ersten Tag und danach.')
    const r = rangeOf(version, 'Sprachkurse ab dem')
    expect(mapPassage(version, draft, r.from, r.to)).toEqual({ ok: true, ...rangeOf(draft, 'Sprachkurse ab dem') })
  })

  it('reports a conflict when a character inside the passage was changed, deleted or added', () => {
    const r = rangeOf(version, 'bezahlbaren Wohnraum')
    for (const changed of ['Wir fordern bezahlbare Wohnraum für alle.', 'Wir fordern bezahlbaren, guten Wohnraum für alle.', 'Wir fordern bezahlbaren Wohnung für alle.', 'Für alle.']) {
      expect(mapPassage(version, doc(changed, 'Sprachkurse ab dem ersten Tag.'), r.from, r.to), changed).toEqual({ ok: false, reason: 'changed' })
    }
  })

  it('reports a conflict when the passage was split into two paragraphs', () => {
    const r = rangeOf(version, 'bezahlbaren Wohnraum')
    expect(mapPassage(version, doc('Wir fordern bezahlbaren', 'Wohnraum für alle.', 'Sprachkurse ab dem ersten Tag.'), r.from, r.to).ok).toBe(false)
  })

  it('reports a conflict when a mark was put on the passage', () => {
    const r = rangeOf(version, 'bezahlbaren Wohnraum')
    const bold = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Wir fordern ' }, { type: 'text', text: 'bezahlbaren', marks: [{ type: 'bold' }] }, { type: 'text', text: ' Wohnraum für alle.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Sprachkurse ab dem ersten Tag.' }] },
      ],
    })
    expect(mapPassage(version, bold, r.from, r.to)).toEqual({ ok: false, reason: 'changed' })
  })

  it('places a passage that spans two paragraphs', () => {
    const r = { from: rangeOf(version, 'für alle.').from, to: rangeOf(version, 'Sprachkurse').to }
    const draft = doc('Vorweg.', ...paragraphs(version))
    const mapped = mapPassage(version, draft, r.from, r.to)
    expect(mapped).toEqual({ ok: true, from: rangeOf(draft, 'für alle.').from, to: rangeOf(draft, 'Sprachkurse').to })
  })

  it('gives up (as a conflict) beyond the edit limit instead of using unbounded memory', () => {
    const r = rangeOf(version, 'Sprachkurse')
    const draft = doc('Ganz anderer Text hier.', 'Sprachkurse ab dem ersten Tag.')
    expect(mapPassage(version, draft, r.from, r.to, 3)).toEqual({ ok: false, reason: 'too_many_changes' })
    expect(mapPassage(version, draft, r.from, r.to).ok).toBe(true)
  })

  it('aligns tokens as a shortest edit script', () => {
    const m = alignTokens([...'abcabba'], [...'cbabac'], 20)
    // Matched pairs keep their order and their tokens agree.
    const pairs = [...m!].map((j, i) => [i, j] as const).filter(([, j]) => j >= 0)
    expect(pairs.length).toBe(4)
    for (let p = 1; p < pairs.length; p++) expect(pairs[p]![1]).toBeGreaterThan(pairs[p - 1]![1])
    for (const [i, j] of pairs) expect('abcabba'[i]).toBe('cbabac'[j])
  })

  it('has one token per position', () => {
    expect(tokensOf(version)).toHaveLength(version.content.size)
  })
})

describe('the replacement', () => {
  const version = doc('Wir fordern bezahlbaren Wohnraum für alle.', 'Sprachkurse ab dem ersten Tag.')

  it('replaces a passage inside a paragraph with plain text', () => {
    const r = rangeOf(version, 'bezahlbaren')
    expect(paragraphs(applyReplacement(version, r.from, r.to, replacementFromText('guten und bezahlbaren')))).toEqual([
      'Wir fordern guten und bezahlbaren Wohnraum für alle.',
      'Sprachkurse ab dem ersten Tag.',
    ])
  })

  it('splits the paragraph where the replacement has a blank line', () => {
    const r = rangeOf(version, 'für alle.')
    expect(paragraphs(applyReplacement(version, r.from, r.to, replacementFromText('für alle.\n\nUnd zwar sofort.')))).toEqual([
      'Wir fordern bezahlbaren Wohnraum für alle.',
      'Und zwar sofort.',
      'Sprachkurse ab dem ersten Tag.',
    ])
  })

  it('deletes the passage when the replacement is empty, joining paragraphs it spanned', () => {
    const r = { from: rangeOf(version, ' für alle.').from, to: rangeOf(version, 'Sprachkurse ').to }
    expect(paragraphs(applyReplacement(version, r.from, r.to, replacementFromText('')))).toEqual(['Wir fordern bezahlbaren Wohnraumab dem ersten Tag.'])
  })

  it('takes rich text in the schema and refuses what the schema does not know', () => {
    const nodes = replacementFromContent([{ type: 'paragraph', content: [{ type: 'text', text: 'fair', marks: [{ type: 'bold' }] }] }])
    expect(replacementText(nodes)).toBe('fair')
    expect(() => replacementFromContent([{ type: 'table' }])).toThrow(AppError)
  })

  it('refuses passages that are empty, outside the text or not inside text blocks', () => {
    expect(passageQuote(version, 13, 33)).toBe('bezahlbaren Wohnraum')
    for (const [from, to] of [[5, 5], [33, 13], [-1, 4], [0, 4], [13, 999]] as const) {
      expect(() => passageQuote(version, from, to), `${from}-${to}`).toThrow(expect.objectContaining({ code: 'amendment_range' }))
    }
  })
})

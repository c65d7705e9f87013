import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anchorInDraft, draftView, quoteOf, resolveInDraft } from '../../../server/comments/draft-anchor.ts'
import { DRAFT_FRAGMENT } from '../../../server/sync/load-doc.ts'

function paragraphs(doc: Y.Doc, texts: string[]): void {
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT)
  fragment.insert(
    fragment.length,
    texts.map((t) => {
      const p = new Y.XmlElement('paragraph')
      const text = new Y.XmlText()
      text.insert(0, t)
      p.insert(0, [text])
      return p
    }),
  )
}

function textOf(doc: Y.Doc, block: number): Y.XmlText {
  return (doc.getXmlFragment(DRAFT_FRAGMENT).get(block) as Y.XmlElement).get(0) as Y.XmlText
}

/** The ProseMirror range of `needle` in the draft (the first match). */
function rangeOf(doc: Y.Doc, needle: string): { from: number; to: number } {
  const { pmDoc } = draftView(doc)
  let found: { from: number; to: number } | undefined
  pmDoc.descendants((node, pos) => {
    if (found || !node.isText) return
    const i = node.text!.indexOf(needle)
    if (i >= 0) found = { from: pos + i, to: pos + i + needle.length }
  })
  if (!found) throw new Error(`not in the draft: ${needle}`)
  return found
}

/** Anchors `needle`, lets `edit` change the doc, and answers what the anchor covers now. */
function anchorThenEdit(texts: string[], needle: string, edit: (doc: Y.Doc) => void): string | null {
  const doc = new Y.Doc()
  paragraphs(doc, texts)
  const { from, to } = rangeOf(doc, needle)
  const anchor = anchorInDraft(draftView(doc), from, to)
  expect(anchor.quote).toBe(needle)
  edit(doc)
  const view = draftView(doc)
  const now = resolveInDraft(view, anchor.from, anchor.to)
  return now ? quoteOf(view.pmDoc, now.from, now.to) : null
}

describe('comment anchors in a live draft', () => {
  const texts = ['Wir fordern bezahlbaren Wohnraum für alle.', 'Zweiter Absatz.']

  it('keep their words when someone types before the passage, right up to its first letter', () => {
    expect(anchorThenEdit(texts, 'bezahlbaren Wohnraum', (doc) => textOf(doc, 0).insert(0, 'Kurz: '))).toBe('bezahlbaren Wohnraum')
    expect(anchorThenEdit(texts, 'bezahlbaren Wohnraum', (doc) => textOf(doc, 0).insert(12, 'sofort '))).toBe('bezahlbaren Wohnraum')
  })

  it('keep their words when someone types after the passage, right after its last letter', () => {
    expect(anchorThenEdit(texts, 'bezahlbaren Wohnraum', (doc) => textOf(doc, 0).insert(32, ' und Arbeit'))).toBe('bezahlbaren Wohnraum')
    expect(anchorThenEdit(texts, 'bezahlbaren Wohnraum', (doc) => textOf(doc, 1).insert(0, 'Neu: '))).toBe('bezahlbaren Wohnraum')
  })

  it('grow with text typed inside the passage', () => {
    expect(anchorThenEdit(texts, 'bezahlbaren Wohnraum', (doc) => textOf(doc, 0).insert(24, 'und sicheren '))).toBe(
      'bezahlbaren und sicheren Wohnraum',
    )
  })

  it('are gone when the passage is deleted, and when its whole paragraph is', () => {
    expect(anchorThenEdit(texts, 'bezahlbaren Wohnraum', (doc) => textOf(doc, 0).delete(12, 20))).toBeNull()
    expect(anchorThenEdit(texts, 'bezahlbaren Wohnraum', (doc) => doc.getXmlFragment(DRAFT_FRAGMENT).delete(0, 1))).toBeNull()
  })

  it('keep what is left when part of the passage is deleted', () => {
    expect(anchorThenEdit(texts, 'bezahlbaren Wohnraum', (doc) => textOf(doc, 0).delete(12, 12))).toBe('Wohnraum')
  })

  it('work at the very start of the text', () => {
    expect(anchorThenEdit(texts, 'Wir fordern', (doc) => textOf(doc, 0).insert(3, ' alle'))).toBe('Wir alle fordern')
  })

  it('span paragraphs', () => {
    expect(anchorThenEdit(texts, 'alle.', () => {})).toBe('alle.')
    const doc = new Y.Doc()
    paragraphs(doc, texts)
    const a = rangeOf(doc, 'alle.')
    const b = rangeOf(doc, 'Zweiter')
    const anchor = anchorInDraft(draftView(doc), a.from, b.to)
    expect(anchor.quote).toBe('alle.\nZweiter')
  })

  it('follow concurrent edits of two clients once they have synced', () => {
    const one = new Y.Doc()
    paragraphs(one, texts)
    const two = new Y.Doc()
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    const { from, to } = rangeOf(one, 'bezahlbaren Wohnraum')
    const anchor = anchorInDraft(draftView(one), from, to)
    // Offline at the same time: one types before the passage, two inside and after it.
    textOf(one, 0).insert(0, 'Erstens: ')
    textOf(two, 0).insert(24, 'guten ')
    textOf(two, 0).insert(32 + 'guten '.length, '!')
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    for (const doc of [one, two]) {
      const view = draftView(doc)
      const now = resolveInDraft(view, anchor.from, anchor.to)!
      expect(quoteOf(view.pmDoc, now.from, now.to)).toBe('bezahlbaren guten Wohnraum')
    }
  })

  it('refuse a range outside the draft, an empty one, or one without text', () => {
    const doc = new Y.Doc()
    paragraphs(doc, texts)
    const view = draftView(doc)
    expect(() => anchorInDraft(view, 5, 5)).toThrow(expect.objectContaining({ code: 'validation' }))
    expect(() => anchorInDraft(view, 1, 10_000)).toThrow(expect.objectContaining({ code: 'validation' }))
    expect(() => anchorInDraft(view, -1, 3)).toThrow(expect.objectContaining({ code: 'validation' }))
  })
})

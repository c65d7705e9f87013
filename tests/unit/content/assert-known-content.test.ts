import { describe, expect, it } from 'vitest'
import { assertKnownContent } from '../../../server/content/assert-known-content.ts'

const refused = expect.objectContaining({ code: 'unknown_content' })
const doc = (...content: unknown[]) => ({ type: 'doc', content })
const p = (...content: unknown[]) => ({ type: 'paragraph', content })
const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) })

describe('assertKnownContent', () => {
  it('accepts what the editor writes and returns the canonical form', () => {
    const json = assertKnownContent(doc(p(text('ab', [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org' } }]))))
    expect(json).toEqual(
      doc(
        p({
          type: 'text',
          text: 'ab',
          marks: [
            { type: 'link', attrs: { href: 'https://example.org', target: null, rel: 'noopener noreferrer nofollow', class: null, title: null } },
            { type: 'bold' },
          ],
        }),
      ),
    )
  })

  it.each([
    ['an unknown node', doc({ type: 'codeBlock', content: [text('x')] })],
    ['an unknown mark', doc(p(text('x', [{ type: 'strike' }])))],
    ['an unknown node attribute', doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' } })],
    ['an unknown mark attribute', doc(p(text('x', [{ type: 'link', attrs: { href: 'https://example.org', onclick: 'x' } }])))],
    ['a heading level outside 2–4', doc({ type: 'heading', attrs: { level: 1 }, content: [text('x')] })],
    ['a heading level given as text', doc({ type: 'heading', attrs: { level: '2' }, content: [text('x')] })],
    ['a link without href', doc(p(text('x', [{ type: 'link' }])))],
    ['a link href that is not text', doc(p(text('x', [{ type: 'link', attrs: { href: { toString: 1 } } }])))],
    ['an empty text node', doc(p(text('')))],
    ['a text node without text', doc(p({ type: 'text' }))],
    ['the same mark twice', doc(p(text('x', [{ type: 'bold' }, { type: 'bold' }])))],
    ['marks on a block', doc({ type: 'paragraph', marks: [{ type: 'bold' }] })],
    ['an extra key on a node', doc({ type: 'paragraph', style: 'color:red' })],
    ['content that is not an array', doc({ type: 'paragraph', content: 'x' })],
    ['a paragraph inside a paragraph', doc(p({ type: 'paragraph' }))],
    ['a list item outside a list', doc({ type: 'listItem', content: [p(text('x'))] })],
    ['a list without items', doc({ type: 'bulletList', content: [] })],
    ['an empty document', doc()],
    ['a nested document', doc(doc(p()))],
    ['a root that is not a document', p(text('x'))],
    ['not an object', 'doc'],
    ['null', null],
    ['a prototype trick', doc({ type: 'constructor' })],
    ['nesting deeper than any text needs', doc(Array.from({ length: 60 }).reduce<unknown>((inner) => ({ type: 'blockquote', content: [inner] }), p()))],
  ])('refuses %s', (_name, json) => {
    expect(() => assertKnownContent(json)).toThrow(refused)
  })

  it('drops a javascript: link but keeps its words', () => {
    expect(assertKnownContent(doc(p(text('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))))).toEqual(doc(p(text('x'))))
  })
})

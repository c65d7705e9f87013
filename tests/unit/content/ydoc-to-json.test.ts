import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { assertKnownContent } from '../../../server/content/assert-known-content.ts'
import { yDocToProseMirrorJson } from '../../../server/content/ydoc-to-json.ts'
import { editorSchema } from '../../../shared/editor/extensions.ts'

const sample = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Mieten' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Bündnis ', marks: [{ type: 'italic' }] },
        { type: 'text', text: 'fordert', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'bold' }] },
      ],
    },
    { type: 'orderedList', attrs: { start: 2 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'eins' }] }] }] },
  ],
}

function docFrom(json: unknown): Y.Doc {
  const doc = new Y.Doc()
  prosemirrorJSONToYXmlFragment(editorSchema(), json, doc.getXmlFragment('content'))
  return doc
}

describe('yDocToProseMirrorJson', () => {
  it('reads what the Collaboration extension writes', () => {
    const json = yDocToProseMirrorJson(docFrom(sample))
    expect(json).toEqual(assertKnownContent(sample))
  })

  it('gives an empty paragraph for a new draft', () => {
    expect(yDocToProseMirrorJson(new Y.Doc())).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
  })

  it('leaves out what a misbehaving client wrote, without changing the document', () => {
    const doc = docFrom(sample)
    const fragment = doc.getXmlFragment('content')
    const script = new Y.XmlElement('script')
    script.insert(0, [new Y.XmlText('alert(1)')])
    const para = new Y.XmlElement('paragraph')
    para.setAttribute('onclick', 'alert(1)')
    const words = new Y.XmlText()
    para.insert(0, [words])
    fragment.insert(0, [script, para])
    words.insert(0, 'hallo', { link: { href: 'javascript:alert(1)' }, strike: {} })
    const before = Y.encodeStateVector(doc)

    const json = yDocToProseMirrorJson(doc)

    expect(json.content?.[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'hallo' }] })
    expect(json.content).toHaveLength(4)
    expect(() => assertKnownContent(json)).not.toThrow()
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('turns a structure the schema refuses into plain blocks instead of failing', () => {
    const doc = new Y.Doc()
    const item = new Y.XmlElement('listItem')
    const para = new Y.XmlElement('paragraph')
    para.insert(0, [new Y.XmlText('verirrt')])
    item.insert(0, [para])
    doc.getXmlFragment('content').insert(0, [item])
    expect(yDocToProseMirrorJson(doc)).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'verirrt' }] }] })
  })
})

import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendUpdate } from '../../../server/sync/doc.repo.ts'
import { editorSchema } from '../../../shared/editor/extensions.ts'
import { buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { testApp, type TestApp, type TestClient } from '../../support/test-app.ts'

let t: TestApp
let reader: TestClient

beforeAll(async () => {
  t = await testApp()
  reader = t.client.as(sessionCookie(t.db, buildPerson(t.db).id, t.clock.now()))
})
afterAll(() => t.close())

/** Writes `json` into a fresh Y.Doc the way TipTap's Collaboration does and stores it as one update. */
function storeAsUpdate(positionId: string, json: unknown, doc = new Y.Doc()): Y.Doc {
  const before = Y.encodeStateVector(doc)
  prosemirrorJSONToYXmlFragment(editorSchema(), json, doc.getXmlFragment('content'))
  appendUpdate(t.db, positionId, Y.encodeStateAsUpdate(doc, before))
  return doc
}

describe('GET /api/positions/:id/draft', () => {
  it('gives an empty paragraph for a new position', async () => {
    const p = buildPosition(t.db)
    const res = await reader.get(`/api/positions/${p.id}/draft`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ content: { type: 'doc', content: [{ type: 'paragraph' }] }, html: '<p></p>' })
  })

  it('returns the stored draft as ProseMirror JSON and HTML', async () => {
    const p = buildPosition(t.db)
    storeAsUpdate(p.id, {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Wohnen für alle' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Wir fordern ' },
            { type: 'text', text: 'bezahlbaren', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' Wohnraum.' },
          ],
        },
      ],
    })
    const body = await (await reader.get(`/api/positions/${p.id}/draft`)).json()
    expect(body.html).toBe('<h2>Wohnen für alle</h2><p>Wir fordern <strong>bezahlbaren</strong> Wohnraum.</p>')
    expect(body.content.content[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Wohnen für alle' }] })
  })

  it('includes every update of the log, not only the first', async () => {
    const p = buildPosition(t.db)
    const doc = storeAsUpdate(p.id, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Erster Satz.' }] }] })
    const before = Y.encodeStateVector(doc)
    const para = new Y.XmlElement('paragraph')
    para.insert(0, [new Y.XmlText('Zweiter Satz.')])
    doc.getXmlFragment('content').push([para])
    appendUpdate(t.db, p.id, Y.encodeStateAsUpdate(doc, before))

    const body = await (await reader.get(`/api/positions/${p.id}/draft`)).json()
    expect(body.html).toBe('<p>Erster Satz.</p><p>Zweiter Satz.</p>')
  })

  it('leaves out links a client smuggled in with a javascript: address, and escapes text', async () => {
    const p = buildPosition(t.db)
    const doc = new Y.Doc()
    const para = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    para.insert(0, [text])
    doc.getXmlFragment('content').insert(0, [para])
    text.insert(0, '<img src=x onerror=alert(1)>', { link: { href: 'javascript:alert(1)' } })
    appendUpdate(t.db, p.id, Y.encodeStateAsUpdate(doc))

    const body = await (await reader.get(`/api/positions/${p.id}/draft`)).json()
    expect(body.html).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>')
  })

  it('answers 404 for an unknown position and 401 without a session', async () => {
    expect((await reader.get('/api/positions/nope/draft')).status).toBe(404)
    const p = buildPosition(t.db)
    expect((await t.client.get(`/api/positions/${p.id}/draft`)).status).toBe(401)
  })
})

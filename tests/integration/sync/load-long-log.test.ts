import { afterAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendUpdate } from '../../../server/sync/doc.repo.ts'
import { DRAFT_FRAGMENT, loadDocFromDb } from '../../../server/sync/load-doc.ts'
import { buildPosition } from '../../support/factories.ts'
import { testApp } from '../../support/test-app.ts'

const t = await testApp()
afterAll(() => t.close())

it('loads a long, uncompacted log (several loading chunks) into exactly the text that was typed', () => {
  const position = buildPosition(t.db)
  const source = new Y.Doc()
  source.on('update', (update: Uint8Array) => appendUpdate(t.db, position.id, update))
  const fragment = source.getXmlFragment(DRAFT_FRAGMENT)
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  fragment.insert(0, [paragraph])
  // 2,600 keystrokes, one update each, with a backspace after every 9th letter.
  for (let i = 0; i < 2600; i++) {
    if (i % 10 === 9) text.delete(text.length - 1, 1)
    else text.insert(text.length, String.fromCharCode(97 + (i % 26)))
  }

  const { doc, count } = loadDocFromDb(t.db, position.id)
  expect(count).toBe(2601)
  expect(doc.getXmlFragment(DRAFT_FRAGMENT).toString()).toBe(fragment.toString())
  expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(source))
})

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { integratesAsIs } from '../../../server/sync/integrates-as-is.ts'

/**
 * A document with one paragraph holding "x" (so every later insert has a neighbour), and a way
 * to record each later change as its own update.
 */
function writer(clientId: number) {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText('x')
  paragraph.insert(0, [text])
  doc.getXmlFragment('content').insert(0, [paragraph])
  const base = Y.encodeStateAsUpdate(doc)
  const record = (change: () => void): Uint8Array => {
    let update: Uint8Array | null = null
    const onUpdate = (u: Uint8Array) => (update = u)
    doc.on('update', onUpdate)
    change()
    doc.off('update', onUpdate)
    return update!
  }
  return { doc, text, base, record }
}

function stateOf(...updates: Uint8Array[]): (client: number) => number {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  const vector = Y.decodeStateVector(Y.encodeStateVector(doc))
  return (client) => vector.get(client) ?? 0
}

describe('integratesAsIs', () => {
  it('takes a keystroke after known text and says how far it moves its client', () => {
    const w = writer(7)
    const a = w.record(() => w.text.insert(1, 'a'))
    const b = w.record(() => w.text.insert(2, 'b'))
    const before = stateOf(w.base, a)
    expect(integratesAsIs(Y.decodeUpdate(b), before)).toEqual(new Map([[7, before(7) + 1]]))
  })

  it('refuses an update that leaves a gap in its client’s clocks', () => {
    const w = writer(7)
    w.record(() => w.text.insert(1, 'a'))
    const b = w.record(() => w.text.insert(2, 'b'))
    expect(integratesAsIs(Y.decodeUpdate(b), stateOf(w.base))).toBeNull()
  })

  it('refuses an insert whose neighbour comes from an update the server lacks', () => {
    const anna = writer(7)
    const ben = new Y.Doc()
    ben.clientID = 8
    Y.applyUpdate(ben, anna.base)
    const annaTyped = anna.record(() => anna.text.insert(1, 'a'))
    Y.applyUpdate(ben, annaTyped)
    let benTyped: Uint8Array | null = null
    ben.on('update', (u: Uint8Array) => (benTyped = u))
    ;((ben.getXmlFragment('content').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(2, 'b')
    expect(integratesAsIs(Y.decodeUpdate(benTyped!), stateOf(anna.base))).toBeNull()
    expect(integratesAsIs(Y.decodeUpdate(benTyped!), stateOf(anna.base, annaTyped))).not.toBeNull()
  })

  it('leaves the first character of an empty text, and a new paragraph, to the full way (they name their parent)', () => {
    const empty = new Y.Doc()
    empty.clientID = 7
    const text = new Y.XmlText('')
    empty.getXmlFragment('content').insert(0, [text])
    const base = Y.encodeStateAsUpdate(empty)
    let first: Uint8Array | null = null
    empty.on('update', (u: Uint8Array) => (first = u))
    text.insert(0, 'a')
    expect(integratesAsIs(Y.decodeUpdate(first!), stateOf(base))).toBeNull()

    const w = writer(7)
    const update = w.record(() => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('neu')])
      w.doc.getXmlFragment('content').insert(1, [paragraph])
    })
    expect(integratesAsIs(Y.decodeUpdate(update), stateOf(w.base))).toBeNull()
  })

  it('takes deletions of known text, refuses deletions of text it has not seen', () => {
    const w = writer(7)
    const typed = w.record(() => w.text.insert(0, 'abc'))
    const deleted = w.record(() => w.text.delete(1, 1))
    expect(integratesAsIs(Y.decodeUpdate(deleted), stateOf(w.base, typed))).toEqual(new Map())
    expect(integratesAsIs(Y.decodeUpdate(deleted), stateOf(w.base))).toBeNull()
  })

  it('finds nothing new in an update the document already holds', () => {
    const w = writer(7)
    const typed = w.record(() => w.text.insert(0, 'abc'))
    expect(integratesAsIs(Y.decodeUpdate(typed), stateOf(w.base, typed))).toEqual(new Map())
  })

  it('takes several keystrokes merged into one update, each after the one before', () => {
    const w = writer(7)
    const before = stateOf(w.base)
    const merged = Y.mergeUpdates([w.record(() => w.text.insert(1, 'a')), w.record(() => w.text.insert(2, 'b')), w.record(() => w.text.insert(0, 'c'))])
    expect(integratesAsIs(Y.decodeUpdate(merged), before)).toEqual(new Map([[7, before(7) + 3]]))
  })
})

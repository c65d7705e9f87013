import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countUpdates } from '../../../server/sync/doc.repo.ts'
import { loadDocFromDb } from '../../../server/sync/load-doc.ts'
import { startDraftWorld, type DraftWorld } from '../../support/draft-world.ts'
import type { TestServer } from '../../support/test-server.ts'
import { appendParagraph, draftText, openRawSocket, updateFrame, waitFor, type DraftClient } from '../../support/yjs-client.ts'

// Keystrokes after known text are stored and relayed as received and applied to the server's
// Y.Doc later, in batches (server/sync/live-doc.ts `take`). What clients see must not change.

let world: DraftWorld
let server: TestServer
let anna: string
let ben: string
const connect = (positionId: string, cookie: string): DraftClient => world.connect(positionId, cookie)
const newPosition = (): string => world.newPosition()

function firstText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment('content').get(0) as Y.XmlElement).get(0) as Y.XmlText
}

/** Types `text` one character per update at the end of the first paragraph. */
function type(doc: Y.Doc, text: string): void {
  for (const char of text) firstText(doc).insert(firstText(doc).length, char)
}

beforeAll(async () => {
  world = await startDraftWorld({ sync: { core: { compactAfter: 1000, unloadAfterMs: 100 } } })
  ;({ server, anna, ben } = world)
})

afterAll(() => world.close())

describe('keystrokes taken without applying them at once', () => {
  it('are relayed and stored, and a client that joins later gets all of them', async () => {
    const positionId = newPosition()
    const a = connect(positionId, anna)
    const b = connect(positionId, ben)
    await Promise.all([a.synced(), b.synced()])
    appendParagraph(a.doc, 'Wir fordern')
    await waitFor(() => draftText(b.doc) === 'Wir fordern')
    const takenBefore = server.sync.core.stats().takenUpdates
    type(a.doc, ' sichere Unterkünfte')
    firstText(a.doc).delete(0, 4) // "Wir " — a deletion of known text is taken too
    await waitFor(() => draftText(b.doc) === 'fordern sichere Unterkünfte', { what: 'Ben sees Anna’s keystrokes' })
    type(b.doc, '.')
    const expected = 'fordern sichere Unterkünfte.'
    await waitFor(() => draftText(a.doc) === expected && draftText(b.doc) === expected, { what: 'both clients see all keystrokes' })
    expect(server.sync.core.stats().takenUpdates - takenBefore).toBeGreaterThanOrEqual(20)
    await waitFor(() => draftText(loadDocFromDb(server.db, positionId).doc) === expected, { what: 'the log holds every keystroke' })

    const late = connect(positionId, anna)
    await late.synced()
    expect(draftText(late.doc)).toBe(expected)
  })

  it('are in the snapshot when the log is compacted, and survive unloading', async () => {
    const positionId = newPosition()
    const a = connect(positionId, anna)
    await a.synced()
    appendParagraph(a.doc, 'Start')
    const text = ' und noch mehr Text'
    type(a.doc, text)
    await waitFor(() => countUpdates(server.db, positionId) > text.length, { what: 'every keystroke stored' })
    expect(server.sync.core.stats().takenWaiting).toBeGreaterThan(0)
    expect(server.sync.core.compact(positionId)).toBe(true)
    expect(countUpdates(server.db, positionId)).toBe(1)
    expect(draftText(loadDocFromDb(server.db, positionId).doc)).toBe('Start' + text)
    a.destroy()
    await waitFor(() => !server.sync.core.isLoaded(positionId), { what: 'the draft is unloaded' })
    expect(draftText(loadDocFromDb(server.db, positionId).doc)).toBe('Start' + text)
  })

  it('are applied in steps while people keep typing, not all at once later', async () => {
    const positionId = newPosition()
    const a = connect(positionId, anna)
    await a.synced()
    appendParagraph(a.doc, 'Start')
    await waitFor(() => countUpdates(server.db, positionId) > 0, { what: 'the paragraph stored' })
    const waitingElsewhere = server.sync.core.stats().takenWaiting // other drafts of this file
    type(a.doc, 'x'.repeat(120))
    await waitFor(() => countUpdates(server.db, positionId) > 120, { what: 'every keystroke stored' })
    // Applied whenever 50 have come together: fewer than 50 of the 120 may still wait.
    await waitFor(() => server.sync.core.stats().takenWaiting < waitingElsewhere + 50, { what: 'steps applied' })
    expect(server.sync.core.stats().takenUpdates).toBeGreaterThanOrEqual(120)
  })

  it('an update that needs one the server lacks waits for it, and both reach the others together', async () => {
    const positionId = newPosition()
    const b = connect(positionId, ben)
    await b.synced()
    const writer = new Y.Doc()
    const updates: Uint8Array[] = []
    writer.on('update', (u: Uint8Array) => updates.push(u))
    appendParagraph(writer, 'A')
    type(writer, 'b')
    type(writer, 'c')
    const raw = await openRawSocket(server.syncUrl, positionId, { cookie: anna })
    raw.ws.send(updateFrame(updates[0]!))
    raw.ws.send(updateFrame(updates[2]!)) // "c" before "b": the server must not take it
    await waitFor(() => draftText(b.doc) === 'A', { what: 'the paragraph' })
    raw.ws.send(updateFrame(updates[1]!))
    await waitFor(() => draftText(b.doc) === 'Abc', { what: 'both keystrokes' })
    await waitFor(() => draftText(loadDocFromDb(server.db, positionId).doc) === 'Abc', { what: 'both stored' })
    raw.ws.close()
  })
})

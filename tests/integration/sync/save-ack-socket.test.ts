import type * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countUpdates } from '../../../server/sync/doc.repo.ts'
import { loadDocFromDb } from '../../../server/sync/load-doc.ts'
import { MESSAGE_AUTH, readAuthMessage, type DraftAccess, type SavedAck } from '../../../shared/sync/protocol.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { startTestServer, type TestServer } from '../../support/test-server.ts'
import { appendParagraph, connectDraft, draftText, waitFor, type DraftClient } from '../../support/yjs-client.ts'

// The save acknowledgement over a real websocket, received by the real y-websocket client.
let server: TestServer
let groupId: string
let writerCookie: string
let otherWriterCookie: string
let readerCookie: string
const clients: DraftClient[] = []

interface Listening {
  client: DraftClient
  acks: Array<SavedAck & { storedRows: number }>
  access: () => DraftAccess | null
}

/** A y-websocket client that records the server's auth messages (access and acknowledgements). */
function connect(positionId: string, cookie: string): Listening {
  const client = connectDraft(server.syncUrl, positionId, cookie)
  clients.push(client)
  const acks: Listening['acks'] = []
  let access: DraftAccess | null = null
  client.provider.messageHandlers[MESSAGE_AUTH] = (_encoder: unknown, decoder: decoding.Decoder) => {
    const message = readAuthMessage(decoder)
    if (message?.type === 'access') access = message.access
    // The database as it is when the acknowledgement arrives (the server runs in this process).
    if (message?.type === 'saved') acks.push({ stateVector: message.stateVector, updates: message.updates, storedRows: countUpdates(server.db, positionId) })
  }
  return { client, acks, access: () => access }
}

function ownClock(ack: SavedAck | undefined, doc: Y.Doc): number {
  return ack ? (Y.decodeStateVector(ack.stateVector).get(doc.clientID) ?? 0) : 0
}

/** Sets a caret field and waits until `observer` sees it: everything `from` sent before has been handled. */
async function roundTrip(from: DraftClient, observer: DraftClient, marker: number): Promise<void> {
  from.awareness.setLocalStateField('marker', marker)
  await waitFor(() => (observer.awareness.getStates().get(from.doc.clientID) as { marker?: number } | undefined)?.marker === marker, {
    what: 'awareness round trip',
  })
}

beforeAll(async () => {
  server = await startTestServer()
  groupId = buildGroup(server.db).id
  const [w1, w2, r] = [buildPerson(server.db), buildPerson(server.db), buildPerson(server.db)]
  addToGroup(server.db, groupId, w1.id)
  addToGroup(server.db, groupId, w2.id)
  writerCookie = sessionCookie(server.db, w1.id, Date.now())
  otherWriterCookie = sessionCookie(server.db, w2.id, Date.now())
  readerCookie = sessionCookie(server.db, r.id, Date.now())
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

describe('saving, as the y-websocket client sees it', () => {
  it('acknowledges an edit once it is stored, with a state vector that covers it', async () => {
    const positionId = buildPosition(server.db, { groupId }).id
    const anna = connect(positionId, writerCookie)
    const ben = connect(positionId, otherWriterCookie)
    await Promise.all([anna.client.synced(), ben.client.synced()])
    // Connecting already sends sync step 2 (an update message): it is acknowledged too.
    await waitFor(() => anna.acks.length > 0 && ben.acks.length > 0, { what: 'acknowledgement of the resync' })
    const benAcks = ben.acks.length

    appendParagraph(anna.client.doc, 'Wir fordern bezahlbaren Wohnraum.')
    const clock = Y.getState(anna.client.doc.store, anna.client.doc.clientID)
    await waitFor(() => ownClock(anna.acks.at(-1), anna.client.doc) >= clock, { what: 'acknowledgement covering the edit' })

    const ack = anna.acks.at(-1)!
    expect(ack.storedRows).toBeGreaterThan(0)
    expect(ack.updates).toBe(2) // the resync and the edit
    expect(draftText(loadDocFromDb(server.db, positionId).doc)).toBe('Wir fordern bezahlbaren Wohnraum.')
    // Ben sees the edit, but is not told it was saved: he did not write it.
    await waitFor(() => draftText(ben.client.doc) === 'Wir fordern bezahlbaren Wohnraum.')
    await roundTrip(anna.client, ben.client, 1)
    expect(ben.acks).toHaveLength(benAcks)
  })

  it('never acknowledges what a reader types: it is refused', async () => {
    const positionId = buildPosition(server.db, { groupId }).id
    const anna = connect(positionId, writerCookie)
    const sara = connect(positionId, readerCookie)
    await Promise.all([anna.client.synced(), sara.client.synced()])
    await waitFor(() => sara.access() === 'read-only')

    appendParagraph(sara.client.doc, 'Sara war hier.')
    await roundTrip(sara.client, anna.client, 1)
    await roundTrip(anna.client, sara.client, 2)

    expect(sara.acks).toEqual([])
    expect(draftText(anna.client.doc)).toBe('')
    expect(countUpdates(server.db, positionId)).toBe(0)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { appendUpdate, countUpdates } from '../../../server/sync/doc.repo.ts'
import { loadDocFromDb } from '../../../server/sync/load-doc.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { startTestServer, type TestServer } from '../../support/test-server.ts'
import { appendParagraph, connectDraft, draftText, openRawSocket, waitFor, type DraftClient } from '../../support/yjs-client.ts'

// A draft whose stored log is one row (a snapshot after compaction) is answered from that row
// before its Y.Doc is built; these tests pin that this shortcut changes nothing a client sees.

let server: TestServer
let groupId: string
let cookie: string
const clients: DraftClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  groupId = buildGroup(server.db).id
  const person = buildPerson(server.db, { name: 'Clara Beispiel' })
  addToGroup(server.db, groupId, person.id)
  cookie = sessionCookie(server.db, person.id, Date.now())
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

function connect(positionId: string, doc?: Y.Doc): DraftClient {
  const client = connectDraft(server.syncUrl, positionId, cookie, doc ? { doc } : {})
  clients.push(client)
  return client
}

/** A position whose stored log is exactly one snapshot of `paragraphs`. */
function storedSnapshot(paragraphs: string[]): { positionId: string; snapshot: Uint8Array; source: Y.Doc } {
  const positionId = buildPosition(server.db, { groupId }).id
  const source = new Y.Doc()
  for (const p of paragraphs) appendParagraph(source, p)
  const snapshot = Y.encodeStateAsUpdate(source)
  appendUpdate(server.db, positionId, snapshot)
  return { positionId, snapshot, source }
}

function syncStep1(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

/** The payloads of sync messages of `sub` type (0 = step 1, 1 = step 2) among received frames. */
function syncPayloads(messages: Uint8Array[], sub: number): Uint8Array[] {
  const out: Uint8Array[] = []
  for (const frame of messages) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== sub) continue
    out.push(decoding.readVarUint8Array(decoder))
  }
  return out
}

describe('a draft stored as one snapshot', () => {
  it('sends our state vector and, to a client that holds nothing, the stored snapshot as it is', async () => {
    const { positionId, snapshot, source } = storedSnapshot(['Erster Absatz.', 'Zweiter Absatz.'])
    const raw = await openRawSocket(server.syncUrl, positionId, { cookie })
    await waitFor(() => syncPayloads(raw.messages, 0).length === 1, { what: 'our sync step 1' })
    expect(syncPayloads(raw.messages, 0)[0]).toEqual(Y.encodeStateVector(source))
    raw.ws.send(syncStep1(Y.encodeStateVector(new Y.Doc())))
    await waitFor(() => syncPayloads(raw.messages, 1).length === 1, { what: 'sync step 2' })
    expect(syncPayloads(raw.messages, 1)[0]).toEqual(snapshot)
    raw.ws.close()
  })

  it('lets a new reader see the text, then stores and relays what they type as usual', async () => {
    const { positionId } = storedSnapshot(['Wir fordern sichere Unterkünfte.'])
    const a = connect(positionId)
    await a.synced()
    expect(draftText(a.doc)).toBe('Wir fordern sichere Unterkünfte.')
    appendParagraph(a.doc, 'Und Zugang zu Beratung.')
    const b = connect(positionId)
    await b.synced()
    await waitFor(() => draftText(b.doc) === 'Wir fordern sichere Unterkünfte.\nUnd Zugang zu Beratung.', { what: 'b sees a’s paragraph' })
    await waitFor(() => countUpdates(server.db, positionId) > 1, { what: 'the new paragraph stored' })
    expect(draftText(loadDocFromDb(server.db, positionId).doc)).toBe('Wir fordern sichere Unterkünfte.\nUnd Zugang zu Beratung.')
  })

  it('merges with a client that comes with text of its own (written offline)', async () => {
    const { positionId, snapshot } = storedSnapshot(['Gemeinsamer Anfang.'])
    const offline = new Y.Doc()
    Y.applyUpdate(offline, snapshot)
    appendParagraph(offline, 'Offline geschrieben.')
    const a = connect(positionId, offline)
    await a.synced()
    await waitFor(() => countUpdates(server.db, positionId) > 1, { what: 'the offline paragraph stored' })
    expect(draftText(loadDocFromDb(server.db, positionId).doc)).toBe('Gemeinsamer Anfang.\nOffline geschrieben.')
    const b = connect(positionId)
    await b.synced()
    expect(draftText(b.doc)).toBe('Gemeinsamer Anfang.\nOffline geschrieben.')
  })
})

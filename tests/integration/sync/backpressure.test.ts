import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import type { SyncEndpointOptions } from '../../../server/sync/sync-endpoint.ts'
import { startTestServer, type TestServer } from '../../support/test-server.ts'
import { appendParagraph, connectDraft, openRawSocket, waitFor, type DraftClient } from '../../support/yjs-client.ts'

// Issue 13, point 4: five writers flooding one draft took the server from 228 to 856 MB, most
// of it relays queued for receivers that could not keep up.
const servers: TestServer[] = []
const clients: DraftClient[] = []

afterAll(async () => {
  for (const client of clients) client.destroy()
  for (const server of servers) await server.stop()
})

async function floodSetup(sync: Partial<SyncEndpointOptions>) {
  const server = await startTestServer({
    config: { maxDraftBytes: 256 * 1024 * 1024 },
    sync: { bytesPerSecond: 2 ** 30, bytesBurst: 2 ** 30, ratePerSecond: 10_000, rateBurst: 10_000, ...sync },
  })
  servers.push(server)
  const groupId = buildGroup(server.db).id
  const person = buildPerson(server.db)
  const readerPerson = buildPerson(server.db)
  addToGroup(server.db, groupId, person.id)
  const positionId = buildPosition(server.db, { groupId }).id
  const writer = connectDraft(server.syncUrl, positionId, sessionCookie(server.db, person.id, Date.now()), { maxBackoffTime: 60_000 })
  clients.push(writer)
  await writer.synced()
  // A reader whose client stops reading: what we send it piles up in our socket.
  const reader = await openRawSocket(server.syncUrl, positionId, { cookie: sessionCookie(server.db, readerPerson.id, Date.now()) })
  await waitFor(() => reader.messages.length >= 2, { what: 'the reader attached' })
  reader.ws.pause()
  const writerClock = () => Y.decodeStateVector(server.sync.core.stateVector(positionId)!).get(writer.doc.clientID) ?? 0
  return { server, positionId, writer, reader, writerClock }
}

const CHUNK = 'z'.repeat(64 * 1024)

describe('read-side backpressure', () => {
  it("stops reading a writer's socket while a receiver of its draft lags, and reads on once that receiver drained", async () => {
    const { server, positionId, writer, reader, writerClock } = await floodSetup({ highWaterBytes: 256 * 1024, slowReceiverMs: 600_000, maxBufferedBytes: 2 ** 30 })
    // Write until the server stops reading: the kernel's buffers take a few MB first.
    for (let i = 0; i < 400 && !server.sync.flow.isPaused(positionId); i++) {
      const before = writerClock()
      appendParagraph(writer.doc, `${i} ${CHUNK}`)
      await waitFor(() => writerClock() > before || server.sync.flow.isPaused(positionId), { what: 'the update read, or reading paused' })
    }
    expect(server.sync.flow.isPaused(positionId)).toBe(true)
    const messagesWhilePaused = server.sync.core.stats().messages
    appendParagraph(writer.doc, 'Nach der Pause')
    const wanted = Y.getState(writer.doc.store, writer.doc.clientID)
    // Our own turns go by; the server reads nothing from the paused sockets meanwhile.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
    expect(server.sync.core.stats().messages).toBe(messagesWhilePaused)
    expect(writerClock()).toBeLessThan(wanted)

    reader.ws.resume() // the receiver reads again: its queue drains, and so the writer is read again
    await waitFor(() => writerClock() === wanted, { what: 'the update read after the receiver drained', timeoutMs: 20_000 })
    expect(server.sync.flow.isPaused(positionId)).toBe(false)
    expect(writer.closeCodes).toEqual([])
    reader.ws.terminate()
  })

  it('closes a receiver whose queue overflows with 1008 (throttled), and the writer goes on', async () => {
    const { server, writer, reader, writerClock } = await floodSetup({ highWaterBytes: 2 ** 30, maxBufferedBytes: 512 * 1024 })
    for (let i = 0; i < 400 && !server.sync.core.stats().closedFor.throttled; i++) {
      const before = writerClock()
      appendParagraph(writer.doc, `${i} ${CHUNK}`)
      await waitFor(() => writerClock() > before, { what: 'the update read' })
    }
    expect(server.sync.core.stats().closedFor.throttled).toBe(1)
    reader.ws.resume()
    expect(await reader.closed).toBe(1008)
    appendParagraph(writer.doc, 'Weiter')
    const wanted = Y.getState(writer.doc.store, writer.doc.clientID)
    await waitFor(() => writerClock() === wanted, { what: 'the writer still read' })
    expect(writer.closeCodes).toEqual([])
    expect(server.sync.core.stats().connections).toBe(1)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { run } from '../../../db/query.ts'
import { countUpdates } from '../../../server/sync/doc.repo.ts'
import { loadDocFromDb } from '../../../server/sync/load-doc.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { startTestServer, type TestServer } from '../../support/test-server.ts'
import { appendParagraph, connectDraft, draftText, openRawSocket, waitFor, type DraftClient } from '../../support/yjs-client.ts'

let server: TestServer
let groupId: string
let editor: string
let editor2: string
let reader: string
const clients: DraftClient[] = []

function connect(positionId: string, cookie: string): DraftClient {
  const client = connectDraft(server.syncUrl, positionId, cookie)
  clients.push(client)
  return client
}

/** Refused upgrades reject with the HTTP status; this returns it. */
async function upgradeStatus(positionId: string, headers: { cookie?: string; origin?: string }): Promise<{ status: number; messages: number }> {
  try {
    const raw = await openRawSocket(server.syncUrl, positionId, headers)
    raw.ws.terminate()
    return { status: 101, messages: raw.messages.length }
  } catch (error) {
    const e = error as { status?: number; receivedMessages?: number }
    return { status: e.status ?? 0, messages: e.receivedMessages ?? 0 }
  }
}

/** Sets the local caret state and waits until `observer` sees it: everything sent before has been handled. */
async function roundTrip(from: DraftClient, observer: DraftClient, marker: number): Promise<void> {
  from.awareness.setLocalStateField('marker', marker)
  await waitFor(() => (observer.awareness.getStates().get(from.doc.clientID) as { marker?: number } | undefined)?.marker === marker, {
    what: 'awareness round trip',
  })
}

beforeAll(async () => {
  server = await startTestServer()
  groupId = buildGroup(server.db).id
  const e1 = buildPerson(server.db)
  const e2 = buildPerson(server.db)
  const r = buildPerson(server.db) // logged in, not in the group: may read
  addToGroup(server.db, groupId, e1.id)
  addToGroup(server.db, groupId, e2.id)
  editor = sessionCookie(server.db, e1.id, Date.now())
  editor2 = sessionCookie(server.db, e2.id, Date.now())
  reader = sessionCookie(server.db, r.id, Date.now())
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

describe('who may connect', () => {
  it('refuses a connection without a session cookie with 401, before any Yjs byte', async () => {
    const positionId = buildPosition(server.db, { groupId }).id
    expect(await upgradeStatus(positionId, {})).toEqual({ status: 401, messages: 0 })
    expect(await upgradeStatus(positionId, { cookie: 'sprachrohr_session=forged.token' })).toEqual({ status: 401, messages: 0 })
  })

  it('refuses a foreign Origin with 403, even with a valid cookie', async () => {
    const positionId = buildPosition(server.db, { groupId }).id
    expect(await upgradeStatus(positionId, { cookie: editor, origin: 'https://evil.example' })).toEqual({ status: 403, messages: 0 })
    expect(await upgradeStatus(positionId, { cookie: editor, origin: '' })).toEqual({ status: 403, messages: 0 })
  })

  it('refuses a disabled person and an unknown position', async () => {
    const positionId = buildPosition(server.db, { groupId }).id
    const disabled = buildPerson(server.db, { disabled: true })
    addToGroup(server.db, groupId, disabled.id)
    const cookie = sessionCookie(server.db, disabled.id, Date.now())
    expect((await upgradeStatus(positionId, { cookie })).status).toBe(401)
    expect((await upgradeStatus('unbekannt', { cookie: editor })).status).toBe(404)
  })

  it('ignores a query string on the room path, as y-websocket may add one', async () => {
    const positionId = buildPosition(server.db, { groupId }).id
    const raw = await openRawSocket(server.syncUrl, `${positionId}?v=1`, { cookie: editor })
    await waitFor(() => raw.messages.length >= 2, { what: 'sync step 1 and access message' })
    raw.ws.terminate()
  })

  it('accepts a logged-in person who is not in the group, read-only', async () => {
    const positionId = buildPosition(server.db, { groupId }).id
    const client = connect(positionId, reader)
    await client.synced()
    expect(client.access()).toBe('read-only')
  })

  it('caps the connections per person (429)', async () => {
    const own = await startTestServer({ sync: { maxConnectionsPerPerson: 2 } })
    try {
      const person = buildPerson(own.db)
      const cookie = sessionCookie(own.db, person.id, Date.now())
      const positionId = buildPosition(own.db).id
      const first = await openRawSocket(own.syncUrl, positionId, { cookie })
      const second = await openRawSocket(own.syncUrl, positionId, { cookie })
      await expect(openRawSocket(own.syncUrl, positionId, { cookie })).rejects.toMatchObject({ status: 429 })
      first.ws.close()
      await first.closed
      await waitFor(() => own.sync.core.connectionCount(person.id) === 1)
      const third = await openRawSocket(own.syncUrl, positionId, { cookie })
      second.ws.terminate()
      third.ws.terminate()
    } finally {
      await own.stop()
    }
  })
})

describe('read-only connections', () => {
  it("a reader's edits reach neither the others nor storage", async () => {
    const positionId = buildPosition(server.db, { groupId }).id
    const writer = connect(positionId, editor)
    await writer.synced()
    appendParagraph(writer.doc, 'Vom Schreiben')
    await waitFor(() => countUpdates(server.db, positionId) === 1)
    const readOnly = connect(positionId, reader)
    await readOnly.synced()
    expect(draftText(readOnly.doc)).toBe('Vom Schreiben')

    const vectorBefore = server.sync.core.stateVector(positionId)!
    const storedBefore = Y.encodeStateVector(loadDocFromDb(server.db, positionId).doc)
    appendParagraph(readOnly.doc, 'Darf nicht ankommen')
    await roundTrip(readOnly, writer, 1)

    expect(draftText(writer.doc)).toBe('Vom Schreiben')
    expect(server.sync.core.stateVector(positionId)).toEqual(vectorBefore)
    expect(countUpdates(server.db, positionId)).toBe(1)
    expect(Y.encodeStateVector(loadDocFromDb(server.db, positionId).doc)).toEqual(storedBefore)
    // and the reader still receives what the writer types
    appendParagraph(writer.doc, 'Weiter geht es')
    await waitFor(() => draftText(readOnly.doc).includes('Weiter geht es'))
  })

  it('flipping the read-only switch takes effect on open connections, both ways', async () => {
    const positionId = buildPosition(server.db, { groupId }).id
    const a = connect(positionId, editor)
    const b = connect(positionId, editor2)
    await Promise.all([a.synced(), b.synced()])
    expect(a.access()).toBe('read-write')

    run(server.db, server.db.q.updateTable('positions').set({ draft_readonly: 1 }).where('id', '=', positionId))
    server.deps.events.emit('draft-readonly', { positionId, readonly: true })
    await waitFor(() => a.access() === 'read-only' && b.access() === 'read-only', { what: 'read-only access message' })
    const vectorBefore = server.sync.core.stateVector(positionId)!
    appendParagraph(a.doc, 'Während der Runde')
    await roundTrip(a, b, 1)
    expect(draftText(b.doc)).toBe('')
    expect(server.sync.core.stateVector(positionId)).toEqual(vectorBefore)
    expect(countUpdates(server.db, positionId)).toBe(0)

    run(server.db, server.db.q.updateTable('positions').set({ draft_readonly: 0 }).where('id', '=', positionId))
    server.deps.events.emit('draft-readonly', { positionId, readonly: false })
    await waitFor(() => a.access() === 'read-write', { what: 'read-write access message' })
    appendParagraph(a.doc, 'Nach der Runde')
    await waitFor(() => draftText(b.doc).includes('Nach der Runde'))
    // what was refused meanwhile is not lost: the server asked for it again when writing was allowed
    expect(draftText(b.doc)).toBe('Während der Runde\nNach der Runde')
  })

  it('a draft that is read-only when loaded refuses edits from the start', async () => {
    const positionId = buildPosition(server.db, { groupId, readonly: true }).id
    const a = connect(positionId, editor)
    const b = connect(positionId, editor2)
    await Promise.all([a.synced(), b.synced()])
    expect(a.access()).toBe('read-only')
    appendParagraph(a.doc, 'Nein')
    await roundTrip(a, b, 1)
    expect(countUpdates(server.db, positionId)).toBe(0)
    expect(draftText(b.doc)).toBe('')
  })
})

describe('disabling a person', () => {
  it("closes that person's open connections for good (4401) and leaves the others", async () => {
    const positionId = buildPosition(server.db, { groupId }).id
    const victim = buildPerson(server.db)
    addToGroup(server.db, groupId, victim.id)
    const cookie = sessionCookie(server.db, victim.id, Date.now())
    const theirs = connect(positionId, cookie)
    const mine = connect(positionId, editor)
    await Promise.all([theirs.synced(), mine.synced()])
    run(server.db, server.db.q.updateTable('people').set({ disabled: 1 }).where('id', '=', victim.id))
    server.deps.events.emit('person-disabled', { personId: victim.id })
    await waitFor(() => theirs.closeCodes.includes(4401), { what: 'close 4401' })
    expect(server.sync.core.connectionCount(victim.id)).toBe(0)
    appendParagraph(mine.doc, 'Noch da')
    await waitFor(() => countUpdates(server.db, positionId) === 1)
    expect(mine.provider.wsconnected).toBe(true)
  })
})

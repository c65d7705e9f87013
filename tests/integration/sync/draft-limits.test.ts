import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadUpdates } from '../../../server/sync/doc.repo.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { startTestServer, type TestServer } from '../../support/test-server.ts'
import { appendParagraph, connectDraft, draftText, waitFor, type DraftClient } from '../../support/yjs-client.ts'

// Issue 13, point 3: any member of the group could append without limit (60 MB in 20 s).
const LIMIT = 64 * 1024
let server: TestServer
let groupId: string
let writer: string
let colleague: string
const clients: DraftClient[] = []

function connect(positionId: string, cookie: string): DraftClient {
  const client = connectDraft(server.syncUrl, positionId, cookie)
  clients.push(client)
  return client
}

function storedBytes(positionId: string): number {
  return loadUpdates(server.db, positionId).reduce((sum, row) => sum + row.data.byteLength, 0)
}

beforeAll(async () => {
  // A byte budget far above this test's pace: here only the size of the draft is under test.
  server = await startTestServer({ config: { maxDraftBytes: LIMIT }, sync: { bytesPerSecond: 10 * LIMIT, bytesBurst: 10 * LIMIT } })
  groupId = buildGroup(server.db).id
  const a = buildPerson(server.db)
  const b = buildPerson(server.db)
  addToGroup(server.db, groupId, a.id)
  addToGroup(server.db, groupId, b.id)
  writer = sessionCookie(server.db, a.id, Date.now())
  colleague = sessionCookie(server.db, b.id, Date.now())
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

describe('the size of a draft', () => {
  it('refuses the update that would take the draft over its limit, and tells that editor why', async () => {
    const positionId = buildPosition(server.db, { groupId }).id
    const theirs = connect(positionId, writer)
    const other = connect(positionId, colleague)
    await Promise.all([theirs.synced(), other.synced()])
    const chunk = 'x'.repeat(8 * 1024)
    let sent = 0
    // Every paragraph reaches the other editor until the one that does not fit.
    while (theirs.access() === 'read-write' && sent < 20) {
      appendParagraph(theirs.doc, `${sent} ${chunk}`)
      sent++
      await waitFor(() => draftText(other.doc).split('\n').length === sent || theirs.access() === 'read-only', { what: 'relay or refusal', timeoutMs: 20_000 })
    }
    expect(theirs.access()).toBe('read-only')
    expect(theirs.accessReason()).toBe('draft-too-large')
    expect(sent).toBeGreaterThan(4)
    expect(sent).toBeLessThan(10)
    // The refused paragraph was neither relayed nor stored; what is stored stays under the limit.
    expect(draftText(other.doc).split('\n')).toHaveLength(sent - 1)
    expect(storedBytes(positionId)).toBeLessThanOrEqual(LIMIT)
    expect(server.sync.core.stats().refusedUpdates).toBeGreaterThan(0)
    // Nobody was disconnected: the refused editor keeps reading what the others write.
    expect([theirs.closeCodes, other.closeCodes]).toEqual([[], []])
    expect(theirs.provider.wsconnected).toBe(true)
  })
})

describe('the byte budget of a connection', () => {
  it('closes a connection that sends more bytes per second than allowed (1008), though few messages', async () => {
    const own = await startTestServer({ sync: { bytesPerSecond: 1024, bytesBurst: 16 * 1024 } })
    try {
      const group = buildGroup(own.db).id
      const person = buildPerson(own.db)
      addToGroup(own.db, group, person.id)
      const positionId = buildPosition(own.db, { groupId: group }).id
      const client = connectDraft(own.syncUrl, positionId, sessionCookie(own.db, person.id, Date.now()), { maxBackoffTime: 60_000 })
      clients.push(client)
      await client.synced()
      for (let i = 0; i < 3; i++) appendParagraph(client.doc, 'y'.repeat(8 * 1024))
      await waitFor(() => client.closeCodes.includes(1008), { what: 'close 1008' })
      expect(own.sync.core.stats().closedFor.throttled).toBe(1)
    } finally {
      await own.stop()
    }
  })
})

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { closeDatabase, openDatabase } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { loadDocFromDb } from '../../../server/sync/load-doc.ts'
import { MESSAGE_AUTH, readAuthMessage } from '../../../shared/sync/protocol.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { startServer, type E2eServer } from '../../e2e/support/server.ts'
import { TEST_ORIGIN } from '../../support/test-app.ts'
import { connectDraft, waitFor, type DraftClient } from '../../support/yjs-client.ts'

const KILLS = Number(process.env.SYNC_CRASH_KILLS ?? 20)

let server: E2eServer | undefined
const clients: DraftClient[] = []
const timers: Array<ReturnType<typeof setInterval>> = []

afterAll(async () => {
  for (const timer of timers) clearInterval(timer)
  for (const client of clients) client.destroy()
  await server?.kill('SIGKILL')
})

/**
 * A client that types a numbered token every few ms and keeps every update the server sent it,
 * and how far the server's save acknowledgements covered its own typing.
 */
function typist(syncUrl: string, positionId: string, cookie: string, name: string) {
  const client = connectDraft(syncUrl, positionId, cookie, { maxBackoffTime: 100 })
  clients.push(client)
  const received: Uint8Array[] = []
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === client.provider) received.push(update)
  })
  let acknowledged = 0
  client.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    const message = readAuthMessage(decoder)
    if (message?.type === 'saved') {
      acknowledged = Math.max(acknowledged, Y.decodeStateVector(message.stateVector).get(client.doc.clientID) ?? 0)
    }
  }
  const text = client.doc.getText('notes')
  let n = 0
  timers.push(setInterval(() => text.insert(text.length, `${name}${n++};`), 3))
  return { client, received, typed: () => n, acknowledged: () => acknowledged }
}

/** Every struct in any update the server sent is in the stored state (clock ranges are covered). */
function missingFrom(stored: Y.Doc, updates: Uint8Array[]): string[] {
  const vector = Y.decodeStateVector(Y.encodeStateVector(stored))
  const missing: string[] = []
  for (const update of updates) {
    for (const struct of Y.decodeUpdate(update).structs) {
      const end = struct.id.clock + struct.length
      if ((vector.get(struct.id.client) ?? 0) < end) missing.push(`${struct.id.client}:${struct.id.clock}+${struct.length}`)
    }
  }
  return missing
}

it(`keeps every update a client received from the server, and every edit it acknowledged, across ${KILLS} SIGKILLs while two people type`, { timeout: 240_000 }, async () => {
  // The built server (`node server/dist/main.js`, as `npm start` runs it) on this data directory.
  const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-crash-'))
  const file = join(dataDir, 'sprachrohr.sqlite')
  const db = openDatabase(file)
  await migrateToLatest(db)
  const groupId = buildGroup(db).id
  const [p1, p2] = [buildPerson(db), buildPerson(db)]
  addToGroup(db, groupId, p1.id)
  addToGroup(db, groupId, p2.id)
  const positionId = buildPosition(db, { groupId }).id
  const cookies = [sessionCookie(db, p1.id, Date.now()), sessionCookie(db, p2.id, Date.now())]
  closeDatabase(db)

  const start = (port?: number) => startServer({ dataDir, ...(port ? { port } : {}), env: { PUBLIC_URL: TEST_ORIGIN } })
  server = await start()
  const port = server.port
  const syncUrl = `ws://127.0.0.1:${port}/sync`
  const a = typist(syncUrl, positionId, cookies[0]!, 'a')
  const b = typist(syncUrl, positionId, cookies[1]!, 'b')

  let checkedUpdates = 0
  let acknowledged = 0
  for (let kill = 0; kill < KILLS; kill++) {
    await waitFor(() => a.client.provider.synced && b.client.provider.synced, { timeoutMs: 20_000, what: 'both clients synced' })
    const before = a.received.length + b.received.length
    // typing goes on; kill at a moment that varies from round to round
    await waitFor(() => a.received.length + b.received.length >= before + 10 + ((kill * 7) % 30), { timeoutMs: 20_000, what: 'updates flowing' })
    await server.kill('SIGKILL')
    await waitFor(() => !a.client.provider.wsconnected && !b.client.provider.wsconnected, { what: 'clients noticing' })

    // What a restarted server would find: open the file afresh (WAL recovery), check it, load it.
    const check = openDatabase(file)
    try {
      expect(check.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      const stored = loadDocFromDb(check, positionId).doc
      expect(missingFrom(stored, a.received)).toEqual([])
      expect(missingFrom(stored, b.received)).toEqual([])
      // Nothing the server acknowledged as saved is lost.
      const vector = Y.decodeStateVector(Y.encodeStateVector(stored))
      for (const typed of [a, b]) expect(vector.get(typed.client.doc.clientID) ?? 0).toBeGreaterThanOrEqual(typed.acknowledged())
      acknowledged = Math.min(a.acknowledged(), b.acknowledged())
      checkedUpdates = a.received.length + b.received.length
    } finally {
      closeDatabase(check)
    }
    server = await start(port)
  }

  // After the last restart both converge on everything both typed, and the server stored it.
  for (const timer of timers) clearInterval(timer)
  await waitFor(() => a.client.provider.synced && b.client.provider.synced, { timeoutMs: 20_000 })
  const expected = (name: string, count: number) => Array.from({ length: count }, (_, i) => `${name}${i};`)
  const all = [...expected('a', a.typed()), ...expected('b', b.typed())]
  await waitFor(
    () => {
      const text = a.client.doc.getText('notes').toString()
      return text === b.client.doc.getText('notes').toString() && all.every((token) => text.includes(token))
    },
    { timeoutMs: 20_000, what: 'convergence after the last restart' },
  )
  await waitFor(() => {
    const check = openDatabase(file)
    try {
      return loadDocFromDb(check, positionId).doc.getText('notes').toString() === a.client.doc.getText('notes').toString()
    } finally {
      closeDatabase(check)
    }
  })
  expect(checkedUpdates).toBeGreaterThan(KILLS * 10)
  expect(acknowledged).toBeGreaterThan(0)
})

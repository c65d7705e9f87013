import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import WebSocket from 'ws'
import { closeDatabase, openDatabase } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { startSyncChild, type SyncChild } from '../../support/sync-child.ts'
import { buildCorpus, nextFrame, prng, type FrameKind } from '../../support/sync-fuzz-frames.ts'
import { TEST_ORIGIN } from '../../support/test-app.ts'
import { connectDraft, waitFor, type DraftClient } from '../../support/yjs-client.ts'

const FUZZ_FRAMES = Number(process.env.SYNC_FUZZ_FRAMES ?? 20_000)
const PARALLEL = 6
const SEED = Number(process.env.SYNC_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))

let child: SyncChild | undefined
const clients: DraftClient[] = []

afterAll(async () => {
  for (const client of clients) client.destroy()
  await child?.kill('SIGKILL')
})

/** Sends a ping after the frame: the pong comes back only after the server handled the frame. */
function handled(ws: WebSocket): Promise<'open' | 'closed'> {
  return new Promise((resolve) => {
    if (ws.readyState !== WebSocket.OPEN) return resolve('closed')
    const done = (result: 'open' | 'closed') => {
      ws.off('pong', onPong)
      ws.off('close', onClose)
      resolve(result)
    }
    const onPong = () => done('open')
    const onClose = () => done('closed')
    ws.on('pong', onPong)
    ws.on('close', onClose)
    ws.ping()
  })
}

function open(url: string, cookie: string): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers: { cookie, origin: TEST_ORIGIN } })
    ws.on('open', () => resolve(ws))
    ws.on('unexpected-response', (_req, res) => {
      res.resume()
      ws.terminate()
      resolve(null)
    })
    ws.on('error', () => resolve(null))
  })
}

it(`stays up and responsive under ${FUZZ_FRAMES} random and mutated frames over real sockets`, { timeout: 180_000 }, async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sprachrohr-fuzz-')), 'fuzz.sqlite')
  const db = openDatabase(file)
  await migrateToLatest(db)
  const groupId = buildGroup(db).id
  const cookies: string[] = []
  for (let i = 0; i < 5; i++) {
    const person = buildPerson(db)
    if (i < 4) addToGroup(db, groupId, person.id) // the fifth only reads
    cookies.push(sessionCookie(db, person.id, Date.now()))
  }
  const positions = [0, 1, 2].map(() => buildPosition(db, { groupId }).id)
  // The rate limit has its own test; here it would only end connections before their frames are decoded.
  child = await startSyncChild({
    file,
    sync: { ratePerSecond: 1e6, rateBurst: 1e6 },
    nodeArgs: process.env.SYNC_FUZZ_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SYNC_FUZZ_PROFILE}`] : [],
  })
  const syncUrl = child.syncUrl

  const observer = connectDraft(syncUrl, positions[0]!, cookies[0])
  clients.push(observer)
  await observer.synced()

  const random = prng(SEED)
  const corpus = buildCorpus(prng(SEED + 1))
  const sent: Record<FrameKind, number> = { valid: 0, random: 0, mutated: 0 }
  let connections = 0
  const fuzzed = () => sent.random + sent.mutated

  const loop = async (index: number) => {
    while (fuzzed() < FUZZ_FRAMES) {
      const positionId = positions[Math.floor(random() * positions.length)]!
      const ws = await open(`${syncUrl}/${positionId}`, cookies[index % cookies.length]!)
      if (!ws) continue
      connections++
      while (fuzzed() < FUZZ_FRAMES) {
        const { kind, frame } = nextFrame(random, corpus)
        if (ws.readyState !== WebSocket.OPEN) break
        ws.send(frame)
        const state = await handled(ws)
        sent[kind]++
        if (state === 'closed') break
      }
      ws.terminate()
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, (_, i) => loop(i)))

  const after = await child.stats()
  console.info('sync fuzz', {
    seed: SEED,
    sent,
    connections,
    messages: after.stats.messages,
    maxLagMs: Math.round(after.maxLagMs),
    slowestMessageMs: Math.round(after.stats.slowestMessageMs),
    closedFor: after.stats.closedFor,
  })
  expect(child.process.exitCode).toBeNull()
  // Counts and outcomes only (lag and message times are printed above, and measured by the benchmark).
  expect(after.stats.messages).toBeGreaterThanOrEqual(FUZZ_FRAMES)
  expect(child.stderr()).toBe('')

  // An honest client still syncs, and the one that was connected all along was never disturbed.
  const writer = connectDraft(syncUrl, positions[0]!, cookies[1])
  clients.push(writer)
  await writer.synced()
  writer.doc.getText('ehrlich').insert(0, 'immer noch da')
  const fresh = connectDraft(syncUrl, positions[0]!, cookies[2])
  clients.push(fresh)
  await fresh.synced()
  await waitFor(() => fresh.doc.getText('ehrlich').toString() === 'immer noch da', { what: 'honest sync after the fuzz' })
  await waitFor(() => observer.doc.getText('ehrlich').toString() === 'immer noch da', { what: 'observer update' })
  expect(observer.closeCodes).toEqual([])

  // A clean shutdown still works (it compacts every fuzzed draft), and the file is sound.
  expect(await child.kill('SIGTERM')).toEqual({ code: 0, signal: null })
  expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  closeDatabase(db)
})

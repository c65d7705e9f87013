import BetterSqlite3 from 'better-sqlite3'
import * as Y from 'yjs'
import { openDatabase, closeDatabase } from '../../../db/connection.ts'
import { transaction } from '../../../db/query.ts'
import { appendUpdate, countUpdates } from '../../../server/sync/doc.repo.ts'
import { failed, type ResultRow } from '../lib/results.ts'
import { percentile, sleep } from '../lib/stats.ts'
import { Observer } from '../load/observer.ts'
import type { EditLog } from '../load/tiptap-log.ts'
import { SyncServer, type ServerKind } from '../servers/sync-servers.ts'
import type { RunContext } from './context.ts'

export function coldLoadEdits(quick: boolean): number {
  return quick ? 5_000 : 100_000
}

/** How long we give our server to compact the log on its own after the first load. */
const COMPACTION_WAIT_MS = 15_000

let nextClientId = 0

interface SyncTimes {
  /** Until the provider-based client has applied the server's reply (what a user waits for). */
  syncedMs: number
  /** Until the server's reply (sync step 2) arrived, before the client applied it: the server's part. */
  replyMs: number
}

/** Connects a fresh client and times it, checking the whole document arrived. */
async function timeSync(server: SyncServer, docName: string, client: number, expected: string): Promise<SyncTimes> {
  const observer = new Observer(server.observerEndpoint(docName, client), 777_000 + nextClientId++, null)
  const t0 = performance.now()
  try {
    await observer.connect(60_000)
    const syncedMs = performance.now() - t0
    if (observer.content() !== expected) throw new Error(`client ${client} synced a different document (${observer.content().length} of ${expected.length} characters)`)
    return { syncedMs, replyMs: observer.replyAt - t0 }
  } finally {
    await observer.close()
  }
}

/** Median of several SyncTimes, figure by figure. */
function median(times: SyncTimes[]): SyncTimes {
  return { syncedMs: percentile(times.map((t) => t.syncedMs), 50), replyMs: percentile(times.map((t) => t.replyMs), 50) }
}

/** Waits until a probing client gets the whole document (the upload has reached the server). */
async function untilServerHas(server: SyncServer, docName: string, expected: string): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      await timeSync(server, docName, 7, expected)
      return
    } catch {
      await sleep(500)
    }
  }
  throw new Error('the uploaded document never reached the server')
}

function storeInHocuspocus(file: string, name: string, state: Uint8Array): void {
  const db = new BetterSqlite3(file)
  db.exec('CREATE TABLE IF NOT EXISTS "documents" ("name" varchar(255) NOT NULL, "data" blob NOT NULL, UNIQUE(name))')
  db.prepare('INSERT INTO "documents" ("name", "data") VALUES (?, ?)').run(name, Buffer.from(state))
  db.close()
}

function storeRawLog(file: string, positionId: string, log: EditLog): void {
  const db = openDatabase(file)
  try {
    transaction(db, () => {
      for (const update of log.updates) appendUpdate(db, positionId, update)
    })
  } finally {
    closeDatabase(db)
  }
}

function logRows(file: string, positionId: string): number {
  const db = openDatabase(file)
  try {
    return countUpdates(db, positionId)
  } finally {
    closeDatabase(db)
  }
}

/**
 * Scenario c: a newly connecting client's time to synced for a document built from many small
 * TipTap-like edits. Ours: first from the raw update log, then after the server compacted it.
 * Hocuspocus stores the whole document, so it only has the compacted case. The reference
 * server persists nothing: its figure is a sync from memory, after another client uploaded it.
 */
export async function runColdLoad(kind: ServerKind, log: EditLog, ctx: RunContext): Promise<ResultRow> {
  const kase = `${log.updates.length.toLocaleString('en')} edits`
  let server: SyncServer | null = null
  try {
    server = await SyncServer.start(kind, {
      documents: 1,
      people: 8,
      ...(kind === 'ours' ? { nodeArgs: ctx.ourNodeArgs } : {}),
      beforeStart: (s) => {
        if (kind === 'ours') storeRawLog(s.databaseFile, s.docNames[0]!, log)
        if (kind === 'hocuspocus') storeInHocuspocus(s.databaseFile, s.docNames[0]!, log.state)
      },
    })
    const docName = server.docNames[0]!
    const metrics: ResultRow['metrics'] = { edits: log.updates.length, logBytes: log.bytes, stateBytes: log.state.length }
    let reason: string | undefined
    const put = (name: 'RawLog' | 'Compacted' | 'Warm', times: SyncTimes | null) => {
      const key = name === 'Warm' ? 'warmSyncMs' : `coldLoad${name}Ms`
      metrics[key] = times?.syncedMs ?? null
      metrics[name === 'Warm' ? 'warmReplyMs' : `coldReply${name}Ms`] = times?.replyMs ?? null
    }
    const warm = async (from: number) => median([await timeSync(server!, docName, from, log.content), await timeSync(server!, docName, from + 1, log.content), await timeSync(server!, docName, from + 2, log.content)])
    if (kind === 'ours') {
      put('RawLog', await timeSync(server, docName, 0, log.content))
      put('Warm', await warm(1))
      const deadline = performance.now() + COMPACTION_WAIT_MS
      let rows = logRows(server.databaseFile, docName)
      while (rows > 1 && performance.now() < deadline) {
        await sleep(500)
        rows = logRows(server.databaseFile, docName)
      }
      await server.stop()
      rows = logRows(server.databaseFile, docName)
      metrics.logRowsAfterCompaction = rows
      if (rows > 100) reason = `the server left ${rows} log rows (no compaction within ${COMPACTION_WAIT_MS / 1000} s and at shutdown)`
      const samples: SyncTimes[] = []
      for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
        await server.restart()
        samples.push(await timeSync(server, docName, 4 + i, log.content))
      }
      put('Compacted', median(samples))
    } else if (kind === 'hocuspocus') {
      put('RawLog', null)
      const samples = [await timeSync(server, docName, 0, log.content)]
      put('Warm', await warm(1))
      for (let i = 0; i < (ctx.quick ? 0 : 2); i++) {
        await server.restart()
        samples.push(await timeSync(server, docName, 4 + i, log.content))
      }
      put('Compacted', median(samples))
      reason = 'stores the whole document: no raw log to load from'
    } else {
      // Nothing is stored: upload the document with one client and keep it connected.
      const uploader = new Observer(server.observerEndpoint(docName, 0), 4343, null)
      Y.applyUpdate(uploader.doc, log.state)
      await uploader.connect(60_000)
      await untilServerHas(server, docName, log.content)
      put('RawLog', null)
      put('Compacted', null)
      put('Warm', await warm(1))
      await uploader.close()
      reason = 'persists nothing: only a sync from memory (warm) can be measured'
    }
    metrics.peakRssMiB = server.memory()?.peakRssMiB ?? null
    return { scenario: 'c', case: kase, server: server.label, status: 'ok', ...(reason ? { reason } : {}), metrics }
  } catch (error) {
    return failed('c', kase, server?.label ?? kind, error)
  } finally {
    await server?.stop()
  }
}

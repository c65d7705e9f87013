/**
 * The real server (HTTP app + sync endpoint) as a child process, for tests that must survive
 * what kills a process: the fuzz test watches it stay up, the crash test SIGKILLs it.
 * Started by tests/support/sync-child.ts; talks to the parent over the IPC channel.
 *
 * Environment: SYNC_TEST_DB (SQLite file), SYNC_TEST_PORT (0 = any), SYNC_TEST_ORIGIN (the
 * public URL), SYNC_TEST_OPTIONS (JSON, Partial<SyncEndpointOptions> without timers).
 */
import { dirname } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { closeDatabase, openDatabase } from '../../db/connection.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { Hono } from 'hono'
import { configFromEnv } from '../../server/config.ts'
import { createAppContext } from '../../server/app-context.ts'
import type { AppEnv } from '../../server/http/app-env.ts'
import { startHttpServer } from '../../server/http-server.ts'
import type { Logger } from '../../server/log.ts'
import { createSyncEndpoint } from '../../server/sync/sync-endpoint.ts'
import { createRenderer } from '../../server/render/renderer.ts'

export type ChildMessage =
  | { type: 'ready'; port: number }
  | { type: 'stats'; stats: ReturnType<ReturnType<typeof createSyncEndpoint>['core']['stats']>; maxLagMs: number; rssBytes: number; warnings: number }

const file = process.env.SYNC_TEST_DB
if (!file || !process.send) throw new Error('start this through tests/support/sync-child.ts')
const send = (message: ChildMessage) => process.send!(message)

// Thousands of refused frames would flood the pipe: warnings are counted, errors still printed.
let warnings = 0
const log: Logger = {
  info: () => {},
  warn: () => void warnings++,
  error: (message, fields) => console.error(message, fields),
}

const db = openDatabase(file)
await migrateToLatest(db)
const config = configFromEnv({ PUBLIC_URL: process.env.SYNC_TEST_ORIGIN, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dirname(file) })
const deps = createAppContext(config, db, { log })
const sync = createSyncEndpoint(deps, JSON.parse(process.env.SYNC_TEST_OPTIONS ?? '{}'))
// Only the sync endpoint is under test here: the pages are left out so that a restart is quick.
const running = await startHttpServer(new Hono<AppEnv>(), deps, {
  port: Number(process.env.SYNC_TEST_PORT ?? 0),
  host: '127.0.0.1',
  extensions: [sync],
})

// Two views of a blocked event loop: the histogram of delays, and a plain interval's drift.
const histogram = monitorEventLoopDelay({ resolution: 10 })
histogram.enable()
const TICK_MS = 25
let maxDrift = 0
let last = performance.now()
setInterval(() => {
  const t = performance.now()
  maxDrift = Math.max(maxDrift, t - last - TICK_MS)
  last = t
}, TICK_MS)

process.on('message', (message: { type?: string }) => {
  if (message.type === 'stats') {
    send({
      type: 'stats',
      stats: sync.core.stats(),
      maxLagMs: Math.max(maxDrift, histogram.max / 1e6),
      rssBytes: process.memoryUsage().rss,
      warnings,
    })
  }
})
process.once('SIGTERM', () => {
  void running.close().finally(() => {
    closeDatabase(db)
    process.exit(0)
  })
})
send({ type: 'ready', port: running.port })

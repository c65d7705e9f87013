import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeDatabase, openDatabase, type Db } from '../../db/connection.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { createAppContext } from '../../server/app-context.ts'
import { createApp } from '../../server/app.tsx'
import type { Config } from '../../server/config.ts'
import type { Deps } from '../../server/deps.ts'
import { startHttpServer, type RunningServer } from '../../server/http-server.ts'
import { memoryLogger } from '../../server/log.ts'
import { createSyncEndpoint, type SyncEndpoint, type SyncEndpointOptions } from '../../server/sync/sync-endpoint.ts'
import { createRenderer } from '../../server/render/renderer.ts'
import { testConfig } from './test-app.ts'

export interface TestServer {
  /** http://127.0.0.1:<port> */
  url: string
  /** ws://127.0.0.1:<port>/sync — the y-websocket `serverUrl`; the room is the position id. */
  syncUrl: string
  deps: Deps
  db: Db
  log: ReturnType<typeof memoryLogger>
  sync: SyncEndpoint
  /** The SQLite file: survives `restart`. */
  file: string
  /** Stops the server (closing sockets, compacting and unloading drafts) and closes the database. */
  stop(): Promise<void>
  /** Stops, then starts a new server on the same database file (on a new port). */
  restart(): Promise<TestServer>
}

export interface TestServerOptions {
  /** Reuse a database file (e.g. after a restart); default: a fresh temp file. */
  file?: string
  sync?: Partial<SyncEndpointOptions>
  config?: Partial<Config>
  /** Wall clock of the app (tests/support/clock.ts); default the real one. */
  now?: () => number
}

/**
 * The real HTTP server with the sync endpoint on port 0, on a temp-file SQLite database, with the
 * real clock unless `now` is given (sessions created by `sessionCookie(db, id, Date.now())` are
 * valid; an injected clock should start at Date.now()).
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config = testConfig(options.config)
  const file = options.file ?? join(mkdtempSync(join(tmpdir(), 'sprachrohr-sync-')), 'test.sqlite')
  const db = openDatabase(file)
  await migrateToLatest(db)
  const log = memoryLogger()
  const deps = createAppContext(config, db, { log, ...(options.now ? { now: options.now } : {}) })
  const sync = createSyncEndpoint(deps, options.sync)
  let running: RunningServer
  try {
    running = await startHttpServer(createApp(deps), deps, { port: 0, host: '127.0.0.1', extensions: [sync] })
  } catch (error) {
    closeDatabase(db)
    throw error
  }
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await running.close()
    await deps.renders.stop()
    closeDatabase(db)
  }
  return {
    url: running.url,
    syncUrl: running.url.replace(/^http/, 'ws') + '/sync',
    deps,
    db,
    log,
    sync,
    file,
    stop,
    restart: async () => {
      await stop()
      return startTestServer({ ...options, file })
    },
  }
}

import { join } from 'node:path'
import { Hono } from 'hono'
import { startCheckpointer } from '../db/checkpointer.ts'
import { openDatabase } from '../db/connection.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { createAppContext } from './app-context.ts'
import { createApp } from './app.tsx'
import { announceFirstAdminLink } from './auth/first-run.ts'
import type { Config } from './config.ts'
import type { Deps } from './deps.ts'
import type { AppEnv } from './http/app-env.ts'
import { startHttpServer } from './http-server.ts'
import { startRoundDeadlines } from './jobs/round-deadlines.ts'
import { consoleLogger } from './log.ts'
import { createSyncEndpoint } from './sync/sync-endpoint.ts'

/** The path under which `testRoutes` are answered; the app itself has nothing there. */
export const TEST_ROUTES_PREFIX = '/__test'

export interface StartOptions {
  /** Wall clock, ms since the epoch. Default: Date.now. Only a test entry passes its own. */
  now?: () => number
  /**
   * Routes answered under /__test/ before the app: only the e2e harness's entry passes them
   * (tests/e2e/support/clock-server.ts, the clock control). main.ts passes none, so a server
   * started by `npm start` has no such path (tests/e2e/clock.e2e.test.ts checks it).
   */
  testRoutes?: Hono
}

export interface StartedServer {
  deps: Deps
  port: number
  /** Runs the timed jobs (round deadlines, notifications) now: the clock was moved. */
  wakeTimers(): void
  /** Stops the jobs and the HTTP server, ends the workers, closes the database. */
  stop(): Promise<void>
}

/**
 * Starts Sprachrohr as `npm start` does: config → open and migrate the database → app context →
 * HTTP + sync endpoint → deadline and notification jobs. main.ts calls it and adds the process's
 * signals; the e2e harness's clock entry calls it with a clock it can move.
 */
export async function startSprachrohr(config: Config, options: StartOptions = {}): Promise<StartedServer> {
  const databaseFile = join(config.dataDir, 'sprachrohr.sqlite')
  const db = openDatabase(databaseFile, { synchronous: config.sqliteSynchronous })
  const applied = await migrateToLatest(db)
  const deps = createAppContext(config, db, { log: consoleLogger, ...(options.now ? { now: options.now } : {}) })
  if (applied.length) deps.log.info('database migrated', { applied })
  const checkpointer = startCheckpointer(db, databaseFile, { onError: (message) => deps.log.error('sqlite checkpoint failed', { message }) })

  const app = createApp(deps)
  await checkpointer.ready
  const running = await startHttpServer(options.testRoutes ? withTestRoutes(options.testRoutes, app) : app, deps, {
    port: config.port,
    host: config.host,
    extensions: [createSyncEndpoint(deps)],
  })
  deps.log.info(`Sprachrohr läuft auf ${config.publicUrl}`, { port: running.port, dataDir: config.dataDir })
  announceFirstAdminLink(deps)
  const roundDeadlines = startRoundDeadlines(deps)
  deps.notifications.start(deps)

  return {
    deps,
    port: running.port,
    wakeTimers: () => {
      roundDeadlines.wake()
      deps.notifications.wake()
    },
    stop: async () => {
      roundDeadlines.stop()
      deps.notifications.stop()
      try {
        await running.close()
        await Promise.all([checkpointer.stop(), deps.renders.stop()])
      } finally {
        db.sqlite.close()
      }
    },
  }
}

/** `routes` under TEST_ROUTES_PREFIX, everything else to the app (with the Node bindings it reads). */
function withTestRoutes(routes: Hono, app: Hono<AppEnv>): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .all(`${TEST_ROUTES_PREFIX}/*`, (c) => routes.fetch(c.req.raw, c.env))
    .all('*', (c) => app.fetch(c.req.raw, c.env))
}

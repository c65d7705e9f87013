import { join } from 'node:path'
import { startCheckpointer } from '../db/checkpointer.ts'
import { openDatabase } from '../db/connection.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { createAppContext } from './app-context.ts'
import { createApp } from './app.tsx'
import { configFromEnv } from './config.ts'
import { startHttpServer } from './http-server.ts'
import { announceFirstAdminLink } from './auth/first-run.ts'
import { startRoundDeadlines } from './jobs/round-deadlines.ts'
import { consoleLogger } from './log.ts'
import { createRenderer } from './render/renderer.ts'
import { createSyncEndpoint } from './sync/sync-endpoint.ts'

const config = configFromEnv()
const databaseFile = join(config.dataDir, 'sprachrohr.sqlite')
const db = openDatabase(databaseFile, { synchronous: config.sqliteSynchronous })
const applied = await migrateToLatest(db)
const deps = createAppContext(config, db, { log: consoleLogger })
if (applied.length) deps.log.info('database migrated', { applied })
const checkpointer = startCheckpointer(db, databaseFile, { onError: (message) => deps.log.error('sqlite checkpoint failed', { message }) })

const app = createApp(deps)
await checkpointer.ready
const running = await startHttpServer(app, deps, { port: config.port, host: config.host, extensions: [createSyncEndpoint(deps)] })
deps.log.info(`Sprachrohr läuft auf ${config.publicUrl}`, { port: running.port, dataDir: config.dataDir })
announceFirstAdminLink(deps)
const roundDeadlines = startRoundDeadlines(deps)
deps.notifications.start(deps)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    roundDeadlines.stop()
    deps.notifications.stop()
    void running
      .close()
      .then(() => Promise.all([checkpointer.stop(), deps.renders.stop()]))
      .finally(() => {
        db.sqlite.close()
        process.exit(0)
      })
  })
}

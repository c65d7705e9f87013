// Peer for the benchmarks: Hocuspocus 3.4.4 (the last release that declares Node 20) persisting to
// better-sqlite3 through @hocuspocus/extension-database, with the schema and statements of
// @hocuspocus/extension-sqlite (which needs the `sqlite3` package; better-sqlite3 is what we
// have). Like that extension it stores the whole encoded document, debounced by Hocuspocus
// (2 s after the last change, at most 10 s), and keeps SQLite's default pragmas.
// Started by tests/bench as a child process: PORT, DB_FILE; prints "ready <port>".
import { Database } from '@hocuspocus/extension-database'
import { Server } from '@hocuspocus/server'
import BetterSqlite3 from 'better-sqlite3'

const port = Number(process.env.PORT ?? 0)
const file = process.env.DB_FILE ?? ':memory:'

const db = new BetterSqlite3(file)
db.exec(`CREATE TABLE IF NOT EXISTS "documents" (
  "name" varchar(255) NOT NULL,
  "data" blob NOT NULL,
  UNIQUE(name)
)`)
const select = db.prepare<{ name: string }, { data: Buffer }>('SELECT data FROM "documents" WHERE name = $name ORDER BY rowid DESC')
const upsert = db.prepare<{ name: string; data: Buffer }>(
  'INSERT INTO "documents" ("name", "data") VALUES ($name, $data) ON CONFLICT(name) DO UPDATE SET data = $data',
)

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const row = select.get({ name: documentName })
        return row ? new Uint8Array(row.data) : null
      },
      store: async ({ documentName, state }) => {
        upsert.run({ name: documentName, data: state })
      },
    }),
  ],
})

await server.listen()
console.log(`ready ${server.address.port}`)

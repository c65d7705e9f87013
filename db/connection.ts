import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './schema/index.ts'

/**
 * The database handle every repository takes first. `q` builds typed SQL with Kysely; `sqlite`
 * runs it synchronously (see query.ts), so a write and its transaction never span an `await`.
 */
export interface Db {
  readonly sqlite: BetterSqlite3.Database
  readonly q: Kysely<Database>
  /**
   * Prepared statements of this connection by SQL text (see query.ts): they belong to the
   * connection and live as long as it does. Tests may look at or clear it.
   */
  readonly statements: Map<string, BetterSqlite3.Statement>
}

/**
 * `NORMAL` survives a crash of the process (WAL is synced at checkpoints); `FULL` also survives
 * a power loss, at the price of one fsync per commit.
 */
export type SynchronousMode = 'NORMAL' | 'FULL'

export interface OpenOptions {
  synchronous?: SynchronousMode
}

/**
 * Without a limit SQLite reuses the WAL file but never shrinks it: one burst of writes (a large
 * draft, a flood of edits) left it at its largest for good. Cut back to this after a checkpoint.
 */
export const WAL_LIMIT_BYTES = 16 * 1024 * 1024

/** Opens (and creates) a SQLite database file, or ':memory:' for tests. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
  sqlite.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`)
  // With SQLite's default page cache and 100,000 members, every session, person and electorate
  // lookup went to the OS for its pages (docs/BENCHMARKS.md, "Figures behind the code"). The
  // size below is an upper bound, used as the file grows.
  sqlite.pragma('cache_size = -65536')
  const q = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { sqlite, q, statements: new Map() }
}

export function closeDatabase(db: Db): void {
  if (db.sqlite.open) db.sqlite.close()
}

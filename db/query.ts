import type BetterSqlite3 from 'better-sqlite3'
import type { Compilable } from 'kysely'
import type { Db } from './connection.ts'

// Prepared statements are cached per connection by SQL text: Kysely compiles the same query
// shape to the same text, so hot paths (sync appends, ballots) prepare once.
const caches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>()
const MAX_CACHED = 1000

function statement(db: Db, sql: string): BetterSqlite3.Statement {
  let cache = caches.get(db.sqlite)
  if (!cache) caches.set(db.sqlite, (cache = new Map()))
  let stmt = cache.get(sql)
  if (!stmt) {
    if (cache.size >= MAX_CACHED) cache.clear()
    stmt = db.sqlite.prepare(sql)
    cache.set(sql, stmt)
  }
  return stmt
}

/** Runs a query that returns rows (SELECT, or INSERT/UPDATE/DELETE … RETURNING). */
export function all<O>(db: Db, query: Compilable<O>): O[] {
  const { sql, parameters } = query.compile()
  return statement(db, sql).all(...(parameters as unknown[])) as O[]
}

/** The first row, or undefined. */
export function first<O>(db: Db, query: Compilable<O>): O | undefined {
  const { sql, parameters } = query.compile()
  const stmt = statement(db, sql)
  return (stmt.reader ? stmt.get(...(parameters as unknown[])) : undefined) as O | undefined
}

/** Runs a statement without RETURNING; tells how many rows it changed. */
export function run(db: Db, query: Compilable<unknown>): { changes: number; lastInsertRowid: number | bigint } {
  const { sql, parameters } = query.compile()
  return statement(db, sql).run(...(parameters as unknown[]))
}

/**
 * Runs `fn` in one synchronous SQLite transaction (IMMEDIATE, so two writers never deadlock on
 * upgrade). Nested calls become savepoints. `fn` must not be async: nothing may await inside.
 */
export function transaction<T>(db: Db, fn: () => T): T {
  return db.sqlite.transaction(fn).immediate()
}

/** True when `error` is SQLite's UNIQUE / PRIMARY KEY violation. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

import type BetterSqlite3 from 'better-sqlite3'
import type { Compilable, CompiledQuery } from 'kysely'
import type { Db } from './connection.ts'

// Prepared statements are cached per connection (`db.statements`) by SQL text: Kysely compiles
// the same query shape to the same text, so hot paths (sync appends, ballots) prepare once.
const MAX_CACHED = 1000

function statement(db: Db, sql: string): BetterSqlite3.Statement {
  const cache = db.statements
  let stmt = cache.get(sql)
  if (!stmt) {
    if (cache.size >= MAX_CACHED) cache.clear()
    stmt = db.sqlite.prepare(sql)
    cache.set(sql, stmt)
  }
  return stmt
}

/**
 * A query of fixed shape, built and compiled by Kysely once instead of on every call (building
 * and compiling cost more than running a short indexed statement). `build` gets placeholder
 * arguments and must use each of them exactly once as a plain value (a comparison operand, an
 * inserted or set value): never in an `in` list, an identifier or raw SQL, never as an array.
 * The first use checks that and throws otherwise. Each later call only binds its arguments.
 *
 *   const byId = compiledQuery((q, id: string) => q.selectFrom('rounds').selectAll().where('id', '=', id))
 *   first(db, byId(db, id))
 */
export function compiledQuery<A extends unknown[], O>(build: (q: Db['q'], ...args: A) => Compilable<O>): (db: Db, ...args: A) => Compilable<O> {
  let template: { compiled: CompiledQuery<O>; slots: Array<number | undefined> } | undefined
  return (db, ...args) => {
    if (!template) template = compileTemplate(db, build, args.length)
    const { compiled, slots } = template
    const parameters = compiled.parameters.map((value, i) => (slots[i] === undefined ? value : args[slots[i]]))
    return { compile: () => ({ ...compiled, parameters }) }
  }
}

function compileTemplate<A extends unknown[], O>(db: Db, build: (q: Db['q'], ...args: A) => Compilable<O>, arity: number) {
  const marks = Array.from({ length: arity }, (_, i) => `\u0000compiled-query-argument-${i}\u0000`)
  const compiled = build(db.q, ...(marks as unknown as A)).compile()
  const slots = compiled.parameters.map((value) => {
    const index = typeof value === 'string' ? marks.indexOf(value) : -1
    return index === -1 ? undefined : index
  })
  for (let i = 0; i < arity; i++) {
    if (slots.filter((slot) => slot === i).length !== 1 || compiled.sql.includes(marks[i]!)) {
      throw new Error(`compiledQuery: argument ${i} must be used exactly once, as a plain value: ${compiled.sql}`)
    }
  }
  return { compiled, slots }
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

/**
 * `transaction` for hot paths, built once: better-sqlite3 wraps a function anew (four variants,
 * their properties) on every `db.transaction(fn)` call. Returns a function that runs `fn` in an
 * IMMEDIATE transaction, or in a savepoint when called inside one. Same rules as `transaction`.
 */
export function preparedTransaction<A extends unknown[], T>(db: Db, fn: (...args: A) => T): (...args: A) => T {
  const wrapped = db.sqlite.transaction(fn)
  return (...args) => wrapped.immediate(...args)
}

/** True when `error` is SQLite's UNIQUE / PRIMARY KEY violation. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

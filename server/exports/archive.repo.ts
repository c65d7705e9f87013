import type BetterSqlite3 from 'better-sqlite3'
import type { Db } from '../../db/connection.ts'

// The archive works on every table alike, by name, so its SQL is written out here with quoted
// identifiers. Names come from sqlite_master (export) or are checked against it (import) before
// they reach a statement.

export interface TableColumn {
  name: string
  /** Position in the primary key, 1-based; 0 when not part of it. */
  pk: number
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * Runs `read` in one read transaction: every table it reads shows the same moment, while the
 * server goes on writing (WAL), and no writer waits for it.
 */
export function readSnapshot<T>(db: Db, read: () => T): T {
  return db.sqlite.transaction(read).deferred()
}

/** The tables of the database, SQLite's own (sqlite_sequence included) and all. */
export function tableNames(db: Db): string[] {
  return db.sqlite.prepare<[], string>("select name from sqlite_master where type = 'table' order by name").pluck().all()
}

export function tableColumns(db: Db, table: string): TableColumn[] {
  return (db.sqlite.prepare(`pragma table_info(${quote(table)})`).all() as Array<{ name: string; pk: number }>).map((c) => ({ name: c.name, pk: c.pk }))
}

/** The tables each table points to with a foreign key. */
export function referencedTables(db: Db, table: string): string[] {
  return (db.sqlite.prepare(`pragma foreign_key_list(${quote(table)})`).all() as Array<{ table: string }>).map((r) => r.table)
}

/** Every row, with the columns asked for, sorted by the primary key (or by all columns when there is none). */
export function tableRows(db: Db, table: string, columns: readonly string[], orderBy: readonly string[]): Array<Record<string, unknown>> {
  const statement = db.sqlite.prepare(`select ${columns.map(quote).join(', ')} from ${quote(table)} order by ${orderBy.map(quote).join(', ')}`)
  return statement.safeIntegers(false).all() as Array<Record<string, unknown>>
}

export function hasRows(db: Db, table: string): boolean {
  return db.sqlite.prepare(`select exists (select 1 from ${quote(table)}) as found`).pluck().get() === 1
}

/** The migrations this database has had, oldest first. */
export function appliedMigrations(db: Db): string[] {
  return db.sqlite.prepare<[], string>('select name from kysely_migration order by name').pluck().all()
}

/** A statement that inserts one row with these columns into the table. */
export function rowInserter(db: Db, table: string, columns: readonly string[]): BetterSqlite3.Statement {
  return db.sqlite.prepare(`insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`)
}

export interface Trigger {
  name: string
  sql: string
}

/**
 * Takes the triggers off, to be put back with `restoreTriggers` in the same transaction. The
 * triggers guard the app's writes (a closed round takes no ballot, a version never changes);
 * an import writes finished records, which they would refuse.
 */
export function dropTriggers(db: Db): Trigger[] {
  const triggers = db.sqlite.prepare("select name, sql from sqlite_master where type = 'trigger' order by name").all() as Trigger[]
  for (const trigger of triggers) db.sqlite.prepare(`drop trigger ${quote(trigger.name)}`).run()
  return triggers
}

export function restoreTriggers(db: Db, triggers: readonly Trigger[]): void {
  for (const trigger of triggers) db.sqlite.prepare(trigger.sql).run()
}

/** Foreign keys are checked at commit, not row by row: tables may point at each other. */
export function deferForeignKeys(db: Db): void {
  db.sqlite.pragma('defer_foreign_keys = on')
}

/** Rows whose foreign key points nowhere (checked before the commit, to name them). */
export function foreignKeyViolations(db: Db): Array<{ table: string; rowid: number | null; parent: string }> {
  return db.sqlite.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>
}

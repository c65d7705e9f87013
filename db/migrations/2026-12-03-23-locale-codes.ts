import { sql, type Kysely } from 'kysely'

/**
 * Interface languages beyond German and English come as language packs (languages/<code>.json),
 * so `people.locale` and `mail_outbox.locale` admit any well-formed language code instead of
 * only 'de' and 'en'. Which codes are installed is the app's business at start, not the
 * database's: a pack may be removed later, and the app then reads that person's language as
 * "not chosen" (German or the browser's) rather than failing.
 *
 * SQLite cannot change a CHECK in place, so both tables are rebuilt by SQLite's own procedure
 * (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"): foreign keys
 * off (outside any transaction: the pragma is a no-op inside one), then in one transaction create
 * the new table from the current definition with only the CHECK replaced, copy, drop, rename,
 * recreate its indexes and triggers, and `PRAGMA foreign_key_check`; foreign keys back on. With
 * foreign keys on, dropping `people` would delete or null every row that references a person.
 */

const CODE_CHECK = `locale is null or (length(locale) between 2 and 35 and locale glob '[a-z][a-z]*' and locale not glob '*[^a-z0-9-]*')`
const OLD_CHECK = `check (locale in ('de', 'en'))`

export async function up(db: Kysely<any>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db)
  try {
    const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)
    // Inside a transaction the pragma above changes nothing, and the drop below would cascade.
    if (rows[0]?.foreign_keys !== 0) throw new Error('2026-12-03-23-locale-codes must run outside a transaction (foreign keys could not be turned off)')
    await db.transaction().execute(async (trx) => {
      await rebuildWithCheck(trx, 'people')
      await rebuildWithCheck(trx, 'mail_outbox')
      const broken = await sql`pragma foreign_key_check`.execute(trx)
      if (broken.rows.length) throw new Error(`2026-12-03-23-locale-codes: foreign keys broken after the rebuild: ${JSON.stringify(broken.rows.slice(0, 5))}`)
    })
  } finally {
    await sql`pragma foreign_keys = on`.execute(db)
  }
}

/** Rebuilds `table` from its stored definition with the locale CHECK replaced; rows, indexes and triggers kept. */
async function rebuildWithCheck(db: Kysely<any>, table: string): Promise<void> {
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = ${table}`.execute(db)
  const definition = rows.find((r) => r.type === 'table')?.sql
  if (!definition) throw new Error(`2026-12-03-23-locale-codes: no table ${table}`)
  if (definition.split(OLD_CHECK).length !== 2) throw new Error(`2026-12-03-23-locale-codes: the locale CHECK of ${table} is not the expected one`)
  const rebuilt = definition.replace(OLD_CHECK, `check (${CODE_CHECK})`).replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${table}_rebuilt"`)
  if (!rebuilt.startsWith(`CREATE TABLE "${table}_rebuilt"`)) throw new Error(`2026-12-03-23-locale-codes: unexpected definition of ${table}`)
  // Indexes made by constraints (sql is null) come back with the table; the others and triggers are made again.
  const dependents = rows.filter((r) => r.type !== 'table' && r.sql !== null)
  await sql.raw(rebuilt).execute(db)
  await sql.raw(`insert into "${table}_rebuilt" select * from "${table}"`).execute(db)
  await sql.raw(`drop table "${table}"`).execute(db)
  await sql.raw(`alter table "${table}_rebuilt" rename to "${table}"`).execute(db)
  for (const d of dependents) await sql.raw(d.sql!).execute(db)
}

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, type Db } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { migrationProvider } from '../../../db/migrations/index.ts'
import { all, run } from '../../../db/query.ts'
import { recordAudit } from '../../../server/audit/record-audit.ts'
import { addToGroup, addToInitiative, buildGroup, buildInitiative, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'

const BEFORE = '2026-12-03-21-proxies'

let db: Db | undefined
afterEach(() => {
  if (db) closeDatabase(db)
  db = undefined
})

/** Rows per table, every table of the database. */
function rowCounts(d: Db): Record<string, number> {
  const tables = d.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'").all() as Array<{ name: string }>
  return Object.fromEntries(tables.map(({ name }) => [name, (d.sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]))
}

const outboxRow = (personId: string, locale: string) => ({
  id: `mail-${personId}-${locale}`,
  person_id: personId,
  kind: 'invitation',
  to_address: 'x@example.org',
  locale,
  subject: 'Betreff',
  text_body: 'Text',
  html_body: '<p>Text</p>',
  attachments: null,
  unsubscribe_url: null,
  created_at: 1,
  next_attempt_at: 1,
  last_error: null,
  sent_at: null,
  failed_at: null,
})

describe('migration 2026-12-03-23-locale-codes (any language code in people.locale and mail_outbox.locale)', () => {
  it('keeps every row of every table that refers to people, and leaves no broken foreign key', async () => {
    db = openDatabase(join(mkdtempSync(join(tmpdir(), 'sprachrohr-locale-migration-')), 'test.sqlite'))
    const { error } = await new Migrator({ db: db.q, provider: migrationProvider }).migrateTo(BEFORE)
    expect(error).toBeUndefined()
    // People referred to from many tables (memberships, sessions, positions, audit, outbox, notifications).
    const anna = buildPerson(db, { name: 'Anna', locale: 'en' })
    const ben = buildPerson(db, { name: 'Ben', locale: null })
    const initiative = buildInitiative(db)
    addToInitiative(db, initiative.id, anna.id)
    addToInitiative(db, initiative.id, ben.id, 'member')
    const group = buildGroup(db)
    addToGroup(db, group.id, anna.id, true)
    buildPosition(db, { groupId: group.id, createdBy: anna.id })
    sessionCookie(db, anna.id, Date.now())
    recordAudit({ db, now: () => 1 }, { actorId: anna.id, action: 'initiative.create', objectType: 'initiative', objectId: initiative.id, data: { name: 'A' } })
    run(db, db.q.insertInto('mail_outbox').values(outboxRow(anna.id, 'en')))
    run(db, db.q.insertInto('notifications').values({ id: 'n1', person_id: ben.id, kind: 'mentioned', payload: '{}', url: '/', created_at: 1, read_at: null }))
    // Before: only de and en.
    expect(() => run(db!, db!.q.updateTable('people').set({ locale: 'fr' }).where('id', '=', ben.id))).toThrow(/CHECK/)
    const before = rowCounts(db)

    expect(await migrateToLatest(db)).toContain('2026-12-03-23-locale-codes')

    // Tables added by later migrations are new and empty; every table that was there keeps its rows.
    const after = rowCounts(db)
    expect(Object.fromEntries(Object.keys(before).map((table) => [table, after[table]]))).toEqual(before)
    expect(db.sqlite.prepare('pragma foreign_key_check').all()).toEqual([])
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(all(db, db.q.selectFrom('people').select(['name', 'locale']).orderBy('name'))).toEqual([
      { name: 'Anna', locale: 'en' },
      { name: 'Ben', locale: null },
    ])
    // The foreign keys still act: deleting a person empties the outbox's person_id as before.
    const fks = db.sqlite.prepare("select * from pragma_foreign_key_list('mail_outbox')").all() as Array<{ table: string; on_delete: string }>
    expect(fks).toEqual([expect.objectContaining({ table: 'people', on_delete: 'SET NULL' })])
    expect(db.sqlite.prepare("select name from sqlite_master where tbl_name = 'mail_outbox' and type = 'index' and sql is not null").all()).toEqual([{ name: 'mail_outbox_due' }])
  })

  it('admits any well-formed language code afterwards and still refuses anything else', async () => {
    db = openDatabase(join(mkdtempSync(join(tmpdir(), 'sprachrohr-locale-migration-')), 'test.sqlite'))
    await migrateToLatest(db)
    const p = buildPerson(db, { locale: 'fr' })
    buildPerson(db, { locale: 'pt-br' })
    run(db, db.q.insertInto('mail_outbox').values(outboxRow(p.id, 'ar')))
    for (const bad of ['FR', 'f', 'fr_FR', "fr'); drop table people; --", '']) {
      expect(() => buildPerson(db!, { locale: bad })).toThrow(/CHECK/)
      expect(() => run(db!, db!.q.insertInto('mail_outbox').values(outboxRow(p.id, bad)))).toThrow(/CHECK/)
    }
  })
})

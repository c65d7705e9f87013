import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, type Db } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { migrationProvider, migrations } from '../../../db/migrations/index.ts'
import type { Database } from '../../../db/schema/index.ts'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { recordAudit } from '../../../server/audit/record-audit.ts'
import { buildPerson } from '../../support/factories.ts'

/** Every table the code's Database type knows. Typechecking fails here when one is missing from the list. */
const TABLES = [
  'people',
  'sessions',
  'setup_tokens',
  'initiatives',
  'initiative_memberships',
  'working_groups',
  'group_memberships',
  'audit_events',
  'positions',
  'doc_updates',
  'versions',
  'rounds',
  'round_electorate',
  'ballots',
  'ballot_history',
  'round_participation',
  'secret_ballots',
  'round_extensions',
  'publications',
  'signatures',
  'notifications',
  'mail_outbox',
  'notification_settings',
  'round_reminders',
  'app_secrets',
  'calendar_feeds',
  'comments',
  'comment_edits',
  'comment_mentions',
  'alliance_profile',
  'public_initiatives',
  'translator_languages',
  'translations',
  'translation_revisions',
  'amendments',
  'amendment_supports',
  'amendment_rounds',
  'amendment_round_items',
  'amendment_round_electorate',
  'amendment_ballots',
  'amendment_round_participation',
  'amendment_secret_ballots',
  'amendment_round_extensions',
  'amendment_round_reminders',
  'amendment_proxy_uses',
  'proxies',
  'proxy_uses',
  'proxy_settings',
] as const satisfies ReadonlyArray<keyof Database>
type Unlisted = Exclude<keyof Database, (typeof TABLES)[number]>
const everyTableListed: [Unlisted] extends [never] ? true : { missing: Unlisted } = true
void everyTableListed

const opened: Db[] = []
function freshFile(): Db {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'sprachrohr-migrate-')), 'test.sqlite'))
  opened.push(db)
  return db
}
afterEach(() => {
  for (const db of opened.splice(0)) closeDatabase(db)
})

function schemaOf(db: Db): Array<{ type: string; name: string; sql: string | null }> {
  return db.sqlite.prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by type, name").all() as Array<{
    type: string
    name: string
    sql: string | null
  }>
}

describe('migrations', () => {
  it('bring an empty database to the latest schema with every table the code uses', async () => {
    const db = freshFile()
    const applied = await migrateToLatest(db)
    expect(applied).toEqual(Object.keys(migrations).sort())
    const tables = schemaOf(db).filter((o) => o.type === 'table').map((o) => o.name)
    for (const table of TABLES) expect(tables, table).toContain(table)
  })

  it('are named by ISO date plus sequence, so they run in the order they were written', () => {
    for (const name of Object.keys(migrations)) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-\d{2}-[a-z0-9-]+$/)
  })

  it('are idempotent: running them again changes nothing', async () => {
    const db = freshFile()
    await migrateToLatest(db)
    const before = schemaOf(db)
    expect(await migrateToLatest(db)).toEqual([])
    expect(schemaOf(db)).toEqual(before)
  })

  it('upgrade a database created by the first migration only, keeping its rows', async () => {
    const db = freshFile()
    const first = Object.keys(migrations).sort()[0]!
    const { error } = await new Migrator({ db: db.q, provider: migrationProvider }).migrateTo(first)
    expect(error).toBeUndefined()
    const person = buildPerson(db, { name: 'Aus alter Zeit' })
    const applied = await migrateToLatest(db)
    expect(applied).toEqual(Object.keys(migrations).sort().slice(1))
    expect(db.sqlite.prepare('select name from people where id = ?').get(person.id)).toEqual({ name: 'Aus alter Zeit' })
  })

  it('leave the connection with WAL, foreign keys and a busy timeout of at least 5 s', async () => {
    const db = freshFile()
    await migrateToLatest(db)
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(Number(db.sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThanOrEqual(5000)
  })
})

describe('constraints of the foundation tables', () => {
  it('audit_events is append-only: UPDATE and DELETE are refused', async () => {
    const db = freshFile()
    await migrateToLatest(db)
    recordAudit({ db, now: () => 1 }, { actorId: null, action: 'initiative.create', objectType: 'initiative', objectId: 'i1', data: { name: 'A' } })
    expect(() => db.sqlite.prepare("update audit_events set action = 'forged'").run()).toThrow(/append-only/)
    expect(() => db.sqlite.prepare('delete from audit_events').run()).toThrow(/append-only/)
    expect(auditEventsFor(db, 'initiative', 'i1')).toEqual([
      {
        id: 1,
        at: 1,
        actor_id: null,
        action: 'initiative.create',
        object_type: 'initiative',
        object_id: 'i1',
        data: '{"name":"A"}',
        prev_hash: null,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ])
  })

  it('people.email is unique, and memberships need existing people and initiatives', async () => {
    const db = freshFile()
    await migrateToLatest(db)
    buildPerson(db, { email: 'eins@example.org' })
    expect(() => buildPerson(db, { email: 'eins@example.org' })).toThrow(/UNIQUE/)
    expect(() =>
      db.sqlite.prepare("insert into initiative_memberships (initiative_id, person_id, role, created_at) values ('nope', 'nobody', 'member', 1)").run(),
    ).toThrow(/FOREIGN KEY/)
  })

  it('refuses a negative vote weight and unknown membership roles', async () => {
    const db = freshFile()
    await migrateToLatest(db)
    expect(() => db.sqlite.prepare("insert into initiatives (id, name, slug, weight, created_at, updated_at) values ('i', 'I', 'i', -1, 1, 1)").run()).toThrow(/CHECK/)
    db.sqlite.prepare("insert into initiatives (id, name, slug, created_at, updated_at) values ('i', 'I', 'i', 1, 1)").run()
    const p = buildPerson(db)
    expect(() =>
      db.sqlite.prepare("insert into initiative_memberships (initiative_id, person_id, role, created_at) values ('i', ?, 'chief', 1)").run(p.id),
    ).toThrow(/CHECK/)
  })
})

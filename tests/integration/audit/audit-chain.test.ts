import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, type Db } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { migrationProvider } from '../../../db/migrations/index.ts'
import { auditHash } from '../../../server/audit/audit-hash.ts'
import { verifyAuditChain } from '../../../server/audit/verify-audit.ts'
import { runCli } from '../../../server/cli/main.ts'
import { adoptedPosition, buildPublishingWorld } from '../../support/adopt.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

const apps: TestApp[] = []
const dbs: Db[] = []
afterEach(() => {
  for (const t of apps.splice(0)) t.close()
  for (const db of dbs.splice(0)) closeDatabase(db)
})

/** An installation with a history: people, a group, a position adopted by a round and published. */
async function withHistory(file?: string): Promise<TestApp> {
  const t = await testApp(file ? { file } : {})
  apps.push(t)
  const world = buildPublishingWorld(t)
  const position = await adoptedPosition(t, world, { title: 'Wohnen' })
  const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
  expect(res.status).toBe(200)
  return t
}

/** Behind the app's back: the append-only triggers are dropped, as someone with the file could. */
function tamper(db: Db, statement: string, ...params: unknown[]): void {
  db.sqlite.exec('drop trigger if exists audit_events_no_update; drop trigger if exists audit_events_no_delete')
  db.sqlite.prepare(statement).run(...params)
}

function ids(db: Db): number[] {
  return (db.sqlite.prepare('select id from audit_events order by id').all() as Array<{ id: number }>).map((r) => r.id)
}

describe('the hash-chained audit log', () => {
  it('chains every event the app writes to the one before', async () => {
    const t = await withHistory()
    const rows = t.db.sqlite.prepare('select * from audit_events order by id').all() as Array<Record<string, unknown>>
    expect(rows.length).toBeGreaterThan(5)
    expect(rows[0]!.prev_hash).toBeNull()
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash)
    expect(verifyAuditChain(t.db)).toMatchObject({ ok: true, events: rows.length, problem: null, head: rows.at(-1)!.hash })
  })

  it('names an event whose details were changed', async () => {
    const t = await withHistory()
    const target = ids(t.db)[3]!
    tamper(t.db, `update audit_events set data = '{"title":"Gefälscht"}' where id = ?`, target)
    expect(verifyAuditChain(t.db).problem).toEqual({ kind: 'changed', id: target })
  })

  it('names an event whose time or author was changed', async () => {
    const t = await withHistory()
    const target = ids(t.db)[2]!
    tamper(t.db, 'update audit_events set at = at + 1 where id = ?', target)
    expect(verifyAuditChain(t.db).problem).toEqual({ kind: 'changed', id: target })
  })

  it('finds a removed event', async () => {
    const t = await withHistory()
    const all = ids(t.db)
    tamper(t.db, 'delete from audit_events where id = ?', all[4]!)
    expect(verifyAuditChain(t.db).problem).toEqual({ kind: 'removed', afterId: all[3], beforeId: all[5] })
  })

  it('finds an event inserted without a hash, and one inserted with a hash that links to its predecessor', async () => {
    const t = await withHistory()
    tamper(t.db, "insert into audit_events (at, actor_id, action, object_type, object_id, data) values (1, null, 'position.publish', 'position', 'x', '{}')")
    const forged = ids(t.db).at(-1)!
    expect(verifyAuditChain(t.db).problem).toEqual({ kind: 'inserted', id: forged })

    const u = await withHistory()
    const all = ids(u.db)
    // A copy of event 3 with another time, linked to event 2 and hashed correctly, put between 2 and 3.
    const before = u.db.sqlite.prepare('select * from audit_events where id = ?').get(all[2]) as { hash: string }
    const model = u.db.sqlite.prepare('select * from audit_events where id = ?').get(all[3]) as Parameters<typeof auditHash>[0] & { id: number }
    const fake = { ...model, at: model.at - 1, prev_hash: before.hash }
    tamper(u.db, 'update audit_events set id = id + 1000 where id >= ?', all[3]!)
    tamper(
      u.db,
      'insert into audit_events (id, at, actor_id, action, object_type, object_id, data, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      all[3],
      fake.at,
      fake.actor_id,
      fake.action,
      fake.object_type,
      fake.object_id,
      fake.data,
      fake.prev_hash,
      auditHash(fake),
    )
    expect(verifyAuditChain(u.db).problem).toEqual({ kind: 'inserted', id: all[3] })
  })

  it('npm run cli -- verify-audit says so, with exit code 1 for a broken chain', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-verify-'))
    const t = await withHistory(join(dataDir, 'sprachrohr.sqlite'))
    const run = async () => {
      const out: string[] = []
      const code = await runCli(['verify-audit'], { env: { DATA_DIR: dataDir, LANG: 'de_DE.UTF-8' }, print: (l) => out.push(l), printError: (l) => out.push(l) })
      return { code, text: out.join('\n') }
    }
    const intact = await run()
    expect(intact.code).toBe(0)
    expect(intact.text).toContain('Das Protokoll ist unversehrt')
    const target = ids(t.db)[1]!
    tamper(t.db, `update audit_events set action = 'person.delete' where id = ?`, target)
    const broken = await run()
    expect(broken.code).toBe(1)
    expect(broken.text).toContain(`Ereignis ${target} passt nicht mehr zu seiner Prüfsumme`)
  })

  it('the migration chains the events written before it', async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'sprachrohr-chain-')), 'test.sqlite'))
    dbs.push(db)
    const { error } = await new Migrator({ db: db.q, provider: migrationProvider }).migrateTo('2026-12-03-02-archive')
    expect(error).toBeUndefined()
    for (let i = 0; i < 3; i++) {
      db.sqlite.prepare("insert into audit_events (at, actor_id, action, object_type, object_id, data) values (?, null, 'group.create', 'group', ?, ?)").run(i, `g${i}`, `{"name":"G${i}","b":[1,{"z":null,"ä":"x\\u0001"}],"a":2.5,"Z":true}`)
    }
    await migrateToLatest(db)
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, events: 3 })
    // Still append-only afterwards.
    expect(() => db.sqlite.prepare("update audit_events set data = '{}'").run()).toThrow(/append-only/)
  })
})

describe('the public JSON of a published position', () => {
  it('carries the hash of the audit event that published it', async () => {
    const t = await withHistory()
    const event = t.db.sqlite.prepare("select hash, object_id from audit_events where action = 'position.publish'").get() as { hash: string; object_id: string }
    const slug = (t.db.sqlite.prepare('select slug from publications where position_id = ?').get(event.object_id) as { slug: string }).slug
    const res = await t.client.get(`/api/public/positions/${slug}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ publicationEventHash: event.hash })
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/)
  })
})

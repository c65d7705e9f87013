import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../../server/audit/verify-audit.ts'
import { createDemoAlliance } from '../../../server/cli/demo.ts'
import { ARCHIVED_TABLES, EXCLUDED_TABLES, type Archive } from '../../../server/exports/archive-format.ts'
import { tableNames } from '../../../server/exports/archive.repo.ts'
import { exportArchive } from '../../../server/exports/export-archive.ts'
import { parseArchiveText } from '../../../server/imports/check-archive.ts'
import { importArchive } from '../../../server/imports/import-archive.ts'
import { translator } from '../../../shared/i18n/index.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { sessionCookie } from '../../support/factories.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'
import { AppError } from '../../../shared/errors.ts'
import { messageOf } from '../../../server/http/error-message.ts'

const t = translator('de')

/** The refusal's words, as the operator reads them. */
function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: messageOf(t, error) }
    throw error
  }
  throw new Error('not refused')
}

const SECRET_ANSWERS = [
  { choice: 'consent', reason: 'Grundsätzlich richtig, Absatz zwei bitte kürzen.' },
  { choice: 'objection', reason: 'Die Forderung nach Sammelunterkünften tragen wir nicht mit.' },
  { choice: 'stand_aside', reason: null },
  { choice: 'concern', reason: 'Die Zahlen sollten belegt werden.' },
]

let source: TestApp
let secretRoundId: string
let first: { archive: Archive; text: string }

beforeAll(async () => {
  source = await testApp()
  await createDemoAlliance(source.deps, t)
  // A secret consent round, four initiatives of equal weight, each with a different answer.
  const world = buildRoundWorld(source, { weights: [1, 1, 1, 1] })
  secretRoundId = await openRoundVia(source, world, { secret: true })
  for (const [i, answer] of SECRET_ANSWERS.entries()) {
    const res = await world.delegates[i]!.client.put(`/api/rounds/${secretRoundId}/ballot`, answer.reason ? answer : { choice: answer.choice })
    expect(res.status).toBe(200)
  }
  expect((await world.coordinator.post(`/api/rounds/${secretRoundId}/close`)).status).toBe(200)
  first = exportArchive(source.deps, null)
}, 60_000)

afterAll(() => source.close())

describe('the installation archive', () => {
  it('names every table of the schema as archived or left out (a new table must be decided on)', () => {
    const archived = new Set<string>(ARCHIVED_TABLES)
    const undecided = tableNames(source.db).filter((table) => !archived.has(table) && !(table in EXCLUDED_TABLES))
    expect(undecided).toEqual([])
    expect(ARCHIVED_TABLES.filter((table) => table in EXCLUDED_TABLES)).toEqual([])
  })

  it('may take the triggers off while importing: every one of them only refuses, none writes derived data', () => {
    // An import writes finished records with the triggers off (a closed round would refuse its
    // own ballots). A trigger that kept something up to date would be skipped: decide on it here.
    const triggers = source.db.sqlite.prepare("select name, sql from sqlite_master where type = 'trigger'").all() as Array<{ name: string; sql: string }>
    expect(triggers.length).toBeGreaterThan(0)
    const writing = triggers.filter((trigger) => !/\bbegin\s+select\s+raise\s*\(\s*abort\b[^;]*;\s*end$/i.test(trigger.sql.trim()))
    expect(writing.map((trigger) => trigger.name)).toEqual([])
  })

  it('holds what the issue names, without password hashes, sessions or secrets', () => {
    const { archive, text } = first
    expect(archive).toMatchObject({ format: 'sprachrohr-archive', version: 1 })
    for (const table of ['initiatives', 'people', 'working_groups', 'positions', 'doc_updates', 'versions', 'rounds', 'ballots', 'secret_ballots', 'publications', 'signatures', 'audit_events']) {
      expect(archive.tables[table]?.length, table).toBeGreaterThan(0)
    }
    for (const table of Object.keys(EXCLUDED_TABLES)) expect(archive.tables[table]).toBeUndefined()
    expect(Object.keys(archive.tables.people![0]!)).not.toContain('password_hash')
    expect(text).not.toContain('$argon2')
    expect(JSON.parse(text)).toEqual(archive)
    // Each live draft also as readable text, for another tool.
    expect(Object.keys(archive.drafts).sort()).toEqual(archive.tables.positions!.map((p) => String(p.id)).sort())
    expect(Object.values(archive.drafts).map((d) => d.html)).toContain('<p>Wir fordern bezahlbaren Wohnraum für alle.</p>')
  })

  it('keeps secret rounds unlinkable: the answers carry no voter, no time, no order of casting', () => {
    const { archive, text } = first
    const secret = archive.tables.secret_ballots!.filter((row) => row.round_id === secretRoundId)
    expect(secret).toHaveLength(4)
    for (const row of secret) expect(Object.keys(row).sort()).toEqual(['choice', 'id', 'reason', 'round_id', 'split', 'version_number', 'weight'])
    // Sorted by the random id, not in the order they were cast.
    const ids = secret.map((row) => String(row.id))
    expect(ids).toEqual([...ids].sort())
    expect(archive.tables.round_participation!.filter((row) => row.round_id === secretRoundId)).toHaveLength(4)
    expect(archive.tables.ballots!.filter((row) => row.round_id === secretRoundId)).toEqual([])
    expect(archive.tables.ballot_history!.filter((row) => row.round_id === secretRoundId)).toEqual([])
    // Nothing else in the whole archive repeats an answer's id or reason: they appear once, in secret_ballots.
    for (const row of secret) {
      expect(text.split(String(row.id)).length - 1).toBe(1)
      if (row.reason) expect(text.split(String(row.reason)).length - 1).toBe(1)
    }
    // The log says who took part, not what they answered.
    const casts = archive.tables.audit_events!.filter((e) => e.object_id === secretRoundId && e.action === 'ballot.cast')
    expect(casts).toHaveLength(4)
    for (const event of casts) expect(Object.keys(JSON.parse(String(event.data))).sort()).toEqual(['secret', 'voter'])
  })

  it('round-trips: export, import into an empty installation, export again gives the same document', async () => {
    const target = await testApp()
    try {
      const restored = importArchive(target.deps, parseArchiveText(first.text))
      expect(restored.audit).toMatchObject({ ok: true, problem: null })
      expect(restored.admins.map((a) => a.email)).toEqual(['sabine.hoffmann@example.org'])
      target.clock.advance(60_000)
      const second = exportArchive(target.deps, null)
      expect(second.archive.exportedAt).not.toBe(first.archive.exportedAt)
      expect(second.text).toBe(first.text.replace(first.archive.exportedAt, second.archive.exportedAt))
      expect(verifyAuditChain(target.db)).toMatchObject({ ok: true, events: first.archive.tables.audit_events!.length + 1 })

      // The restored installation serves what the old one did.
      const slug = String(first.archive.tables.publications![0]!.slug)
      const [before, after] = await Promise.all([source.client.get(`/p/${slug}`), target.client.get(`/p/${slug}`)])
      expect(after.status).toBe(200)
      expect(await after.text()).toBe(await before.text())
      // Its guards are back: a closed round takes no ballot, not even written behind the app's back.
      expect(() => target.db.sqlite.prepare("insert into secret_ballots (id, round_id, version_number, choice, reason, weight) values ('x', ?, 1, 'consent', null, 1)").run(secretRoundId)).toThrow(/closed/)
    } finally {
      target.close()
    }
  })

  it('refuses an installation that holds data, and changes nothing', async () => {
    const target = await testApp()
    try {
      importArchive(target.deps, JSON.parse(first.text))
      const again = refusal(() => importArchive(target.deps, JSON.parse(first.text)))
      expect(again.code).toBe('conflict')
      expect(again.message).toContain('nur in eine leere Installation')
      expect(target.db.sqlite.prepare('select count(*) from people').pluck().get()).toBe(first.archive.tables.people!.length)
    } finally {
      target.close()
    }
  })

  it('refuses a newer format, a newer schema, a file that is no archive, and a broken row, writing nothing', async () => {
    const target = await testApp()
    try {
      const archive = () => JSON.parse(first.text) as Archive
      expect(refusal(() => importArchive(target.deps, { ...archive(), version: 2 })).message).toContain('Format 2')
      expect(refusal(() => importArchive(target.deps, { ...archive(), schema: [...archive().schema, '2099-01-01-future'] })).message).toContain('neueren Sprachrohr-Version')
      expect(refusal(() => parseArchiveText('PK\u0003\u0004 not json')).message).toContain('kein Sprachrohr-Archiv')
      expect(refusal(() => importArchive(target.deps, { hello: 'world' })).message).toContain('kein Sprachrohr-Archiv')
      const withHash = archive()
      withHash.tables.people![0]!.password_hash = '$argon2id$...'
      expect(refusal(() => importArchive(target.deps, withHash)).message).toContain('„password_hash“')
      const broken = archive()
      broken.tables.rounds![0]!.kind = 'lottery'
      const refused = refusal(() => importArchive(target.deps, broken))
      expect(refused).toMatchObject({ code: 'validation' })
      expect(refused.message).toContain('Tabelle „rounds“')
      const dangling = archive()
      dangling.tables.people = dangling.tables.people!.slice(1)
      expect(refusal(() => importArchive(target.deps, dangling)).message).toContain('unvollständig')
      expect(target.db.sqlite.prepare('select count(*) from people').pluck().get()).toBe(0)
      expect(target.db.sqlite.prepare("select count(*) from sqlite_master where type = 'trigger'").pluck().get()).toBeGreaterThan(0)
    } finally {
      target.close()
    }
  })

  it('is the admin’s download from the admin area, recorded in the log; nobody else gets it', async () => {
    const person = (email: string) => String(source.db.sqlite.prepare('select id from people where email = ?').pluck().get(email))
    const admin = source.client.as(sessionCookie(source.db, person('sabine.hoffmann@example.org'), source.clock.now()))
    const overview = await admin.get('/admin')
    expect(await overview.text()).toContain('href="/admin/archive.json"')
    const res = await admin.get('/admin/archive.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="sprachrohr-archiv-\d{4}-\d{2}-\d{2}\.json"$/)
    const archive = (await res.json()) as Archive
    expect(archive.tables.people!.length).toBe(first.archive.tables.people!.length)
    const logged = source.db.sqlite.prepare("select actor_id from audit_events where action = 'installation.export' order by id desc limit 1").pluck().get()
    expect(logged).toBe(person('sabine.hoffmann@example.org'))

    const delegate = source.client.as(sessionCookie(source.db, person('ayse.demir@example.org'), source.clock.now()))
    expect((await delegate.get('/admin/archive.json')).status).toBe(403)
    const anonymous = await source.client.get('/admin/archive.json')
    expect(anonymous.status).toBe(303)
  })
})

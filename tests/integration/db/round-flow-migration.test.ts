import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, type Db } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { migrationProvider } from '../../../db/migrations/index.ts'

// The round-flow migration rebuilds `rounds` (SQLite cannot change a CHECK in place). This
// upgrades a database that holds rounds, written with the SQL of the schema before it, and
// checks that rows, links and integrity triggers survive.

const opened: Db[] = []
afterEach(() => {
  for (const db of opened.splice(0)) closeDatabase(db)
})

function exec(db: Db, statement: string, ...params: unknown[]): void {
  db.sqlite.prepare(statement).run(...params)
}

async function databaseBeforeRoundFlow(): Promise<Db> {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'sprachrohr-round-flow-')), 'test.sqlite'))
  opened.push(db)
  const { error } = await new Migrator({ db: db.q, provider: migrationProvider }).migrateTo('2026-11-21-04-publishing')
  expect(error).toBeUndefined()
  exec(db, "insert into people (id, email, name, created_at, updated_at) values ('p', 'p@example.org', 'P', 1, 1)")
  exec(db, "insert into initiatives (id, name, slug, created_at, updated_at) values ('i', 'I', 'i', 1, 1)")
  exec(db, "insert into working_groups (id, name, slug, created_at, updated_at) values ('g', 'G', 'g', 1, 1)")
  for (const [position, status] of [
    ['a', 'drafting'],
    ['b', 'in_round'],
  ]) {
    exec(db, "insert into positions (id, group_id, slug, title, status, created_by, created_at, updated_at) values (?, 'g', ?, 'T', ?, 'p', 1, 1)", position, position, status)
    exec(db, "insert into versions (position_id, number, content, html, hash, created_by, created_at) values (?, 1, '{}', '', ?, 'p', 1)", position, 'f'.repeat(64))
  }
  // A closed open-ballot round with a ballot, and a running secret one.
  exec(
    db,
    `insert into rounds (id, position_id, version_number, kind, electorate, quorum_bp, secret, opened_by, opened_at, closes_at, status, closed_at, outcome, result)
     values ('r1', 'a', 1, 'consent', 'initiatives', 5000, 0, 'p', 1, 100, 'open', null, null, null)`,
  )
  exec(db, "insert into round_electorate (round_id, voter_key, weight) values ('r1', 'i', 1)")
  exec(db, "insert into ballots (round_id, voter_key, version_number, choice, cast_by, cast_at) values ('r1', 'i', 1, 'consent', 'p', 2)")
  exec(db, "update rounds set status = 'closed', closed_at = 100, outcome = 'adopted', result = '{}' where id = 'r1'")
  exec(
    db,
    `insert into rounds (id, position_id, version_number, kind, electorate, majority, quorum_bp, secret, opened_by, opened_at, closes_at)
     values ('r2', 'b', 1, 'vote', 'initiatives', 'simple', 5000, 1, 'p', 1, 1000)`,
  )
  exec(db, "insert into round_electorate (round_id, voter_key, weight) values ('r2', 'i', 1)")
  return db
}

describe('the round-flow migration', () => {
  it('keeps every round and ballot, derives the visibility, and leaves foreign keys on', async () => {
    const db = await databaseBeforeRoundFlow()
    await migrateToLatest(db)
    expect(db.sqlite.prepare('select id, status, visibility, secret, closes_at from rounds order by id').all()).toEqual([
      { id: 'r1', status: 'closed', visibility: 'open', secret: 0, closes_at: 100 },
      { id: 'r2', status: 'open', visibility: 'secret', secret: 1, closes_at: 1000 },
    ])
    expect(db.sqlite.prepare('select choice from ballots').all()).toEqual([{ choice: 'consent' }])
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([])
  })

  it('keeps closed rounds and their ballots frozen, and freezes cancelled ones too', async () => {
    const db = await databaseBeforeRoundFlow()
    await migrateToLatest(db)
    expect(() => exec(db, "update ballots set choice = 'objection' where round_id = 'r1'")).toThrow(/the round is closed/)
    expect(() => exec(db, "update rounds set closes_at = 200 where id = 'r1'")).toThrow(/a closed round cannot change/)
    exec(db, "update rounds set status = 'cancelled', cancelled_at = 5, cancelled_by = 'p', cancel_reason = 'x' where id = 'r2'")
    expect(() => exec(db, "insert into round_participation (round_id, voter_key) values ('r2', 'i')")).toThrow(/the round is closed/)
  })

  it('lets an open deadline move later only, and keeps the other settings fixed', async () => {
    const db = await databaseBeforeRoundFlow()
    await migrateToLatest(db)
    exec(db, "update rounds set closes_at = 2000 where id = 'r2'")
    expect(() => exec(db, "update rounds set closes_at = 1500 where id = 'r2'")).toThrow(/only move later/)
    expect(() => exec(db, "update rounds set visibility = 'open', secret = 0 where id = 'r2'")).toThrow(/settings of a round are fixed/)
    expect(() => exec(db, "update rounds set status = 'cancelled' where id = 'r2'")).toThrow(/CHECK/)
  })
})

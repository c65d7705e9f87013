import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, type Db } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { migrationProvider } from '../../../db/migrations/index.ts'

// The amendment-threads migration gives every amendment proposed before it its discussion: a
// comment thread on its passage, opened by its reason, as a proposal does from then on.

const opened: Db[] = []
afterEach(() => {
  for (const db of opened.splice(0)) closeDatabase(db)
})

function exec(db: Db, statement: string, ...params: unknown[]): void {
  db.sqlite.prepare(statement).run(...params)
}

describe('the amendment-threads migration', () => {
  it('opens a thread for each earlier amendment on its passage, and allows one per amendment', async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'sprachrohr-amendment-threads-')), 'test.sqlite'))
    opened.push(db)
    const { error } = await new Migrator({ db: db.q, provider: migrationProvider }).migrateTo('2026-12-03-21-proxies')
    expect(error).toBeUndefined()
    exec(db, "insert into people (id, email, name, created_at, updated_at) values ('p', 'p@example.org', 'P', 1, 1)")
    exec(db, "insert into working_groups (id, name, slug, created_at, updated_at) values ('g', 'G', 'g', 1, 1)")
    exec(db, "insert into positions (id, group_id, slug, title, status, created_by, created_at, updated_at) values ('a', 'g', 'a', 'T', 'drafting', 'p', 1, 1)")
    exec(db, "insert into versions (position_id, number, content, html, hash, created_by, created_at) values ('a', 1, '{}', '', ?, 'p', 1)", 'f'.repeat(64))
    exec(
      db,
      `insert into amendments (id, position_id, number, version_number, from_pos, to_pos, quote, content, text, reason, author_id, created_at)
       values ('am1', 'a', 1, 1, 13, 33, 'bezahlbaren Wohnraum', '[]', '', 'Weil.', 'p', 7)`,
    )
    await migrateToLatest(db)
    const threads = db.sqlite.prepare('select position_id, thread_id, author_id, body, anchor_kind, version_number, version_from, version_to, quote, created_at, amendment_id from comments').all()
    expect(threads).toEqual([
      { position_id: 'a', thread_id: null, author_id: 'p', body: 'Weil.', anchor_kind: 'version', version_number: 1, version_from: 13, version_to: 33, quote: 'bezahlbaren Wohnraum', created_at: 7, amendment_id: 'am1' },
    ])
    expect(() =>
      exec(db, "insert into comments (id, position_id, body, anchor_kind, version_number, version_from, version_to, created_at, amendment_id) values ('c2', 'a', 'x', 'version', 1, 13, 33, 8, 'am1')"),
    ).toThrow(/UNIQUE/)
    expect(db.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})

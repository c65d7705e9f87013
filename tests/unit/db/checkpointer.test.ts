import { statSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { startCheckpointer } from '../../../db/checkpointer.ts'
import { WAL_LIMIT_BYTES, type Db } from '../../../db/connection.ts'
import { tempDatabases } from '../../support/temp-database.ts'

const databases = tempDatabases('checkpointer')
afterEach(() => databases.cleanup())

function database(): { db: Db; file: string } {
  const file = databases.file()
  const db = databases.open(file)
  db.sqlite.exec('create table items (id integer primary key, data blob not null)')
  return { db, file }
}

describe('startCheckpointer', () => {
  it('stops the committing connection from checkpointing and copies the WAL in the background', async () => {
    const { db, file } = database()
    const checkpointer = startCheckpointer(db, file, { intervalMs: 20 })
    try {
      expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).not.toBe(0)
      await checkpointer.ready
      expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
      const before = statSync(file).size
      const insert = db.sqlite.prepare('insert into items (data) values (?)')
      for (let i = 0; i < 300; i++) insert.run(Buffer.alloc(4000, i % 256))
      // The rows reach the database file itself without this connection checkpointing.
      for (let i = 0; i < 100 && statSync(file).size <= before + 300 * 4000; i++) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(statSync(file).size).toBeGreaterThan(before + 300 * 4000)
    } finally {
      await checkpointer.stop()
    }
    expect(db.sqlite.prepare('select count(*) as n from items').get()).toEqual({ n: 300 })
  })
})

describe('the WAL file', () => {
  it('is cut back to its limit after a checkpoint, however large a burst of writes made it', () => {
    const { db, file } = database()
    // As in the server: the main connection never checkpoints, a second one does (checkpoint-worker.mjs).
    db.sqlite.pragma('wal_autocheckpoint = 0')
    const insert = db.sqlite.prepare('insert into items (data) values (?)')
    const rows = Math.ceil((WAL_LIMIT_BYTES * 1.5) / 4000)
    const many = db.sqlite.transaction((from: number) => {
      for (let i = from; i < Math.min(rows, from + 500); i++) insert.run(Buffer.alloc(4000, i % 256))
    })
    for (let from = 0; from < rows; from += 500) many(from)
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(WAL_LIMIT_BYTES)

    const checkpointer = new BetterSqlite3(file)
    try {
      checkpointer.pragma('wal_checkpoint(PASSIVE)')
    } finally {
      checkpointer.close()
    }
    // The next write starts the WAL over and cuts the file back.
    insert.run(Buffer.alloc(10))
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(WAL_LIMIT_BYTES)
    expect(db.sqlite.prepare('select count(*) as n from items').get()).toEqual({ n: rows + 1 })
  })
})

import { statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { startCheckpointer } from '../../../db/checkpointer.ts'
import type { Db } from '../../../db/connection.ts'
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

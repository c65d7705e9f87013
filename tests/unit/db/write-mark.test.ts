import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, type Db } from '../../../db/connection.ts'
import { OTHER_PROCESS_DELAY_MS, writeMark } from '../../../db/write-mark.ts'

const opened: Db[] = []
let dir: string | undefined
afterEach(() => {
  for (const db of opened.splice(0)) closeDatabase(db)
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function twoConnections(): { mine: Db; other: Db } {
  dir = mkdtempSync(join(tmpdir(), 'write-mark-'))
  const file = join(dir, 'test.sqlite')
  const mine = openDatabase(file)
  mine.sqlite.exec('create table items (id integer primary key, n integer)')
  const other = openDatabase(file)
  opened.push(mine, other)
  return { mine, other }
}

describe('writeMark', () => {
  it('stays the same while nothing is written, also across reads', () => {
    const { mine } = twoConnections()
    const before = writeMark(mine)
    mine.sqlite.prepare('select * from items').all()
    expect(writeMark(mine)).toBe(before)
  })

  it('changes at once when this connection writes', () => {
    const { mine } = twoConnections()
    const before = writeMark(mine)
    mine.sqlite.prepare('insert into items (n) values (1)').run()
    expect(writeMark(mine)).not.toBe(before)
  })

  it('changes within the stated delay when another connection commits', async () => {
    const { mine, other } = twoConnections()
    const before = writeMark(mine)
    other.sqlite.prepare('insert into items (n) values (1)').run()
    await new Promise((resolve) => setTimeout(resolve, OTHER_PROCESS_DELAY_MS + 50))
    expect(writeMark(mine)).not.toBe(before)
  })
})

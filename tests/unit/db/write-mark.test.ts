import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../db/connection.ts'
import { createWriteMark, OTHER_PROCESS_DELAY_MS } from '../../../db/write-mark.ts'
import { testClock } from '../../support/clock.ts'
import { tempDatabases } from '../../support/temp-database.ts'

const databases = tempDatabases('write-mark')
afterEach(() => databases.cleanup())

function twoConnections(): { mine: Db; other: Db } {
  const file = databases.file()
  const mine = databases.open(file)
  mine.sqlite.exec('create table items (id integer primary key, n integer)')
  return { mine, other: databases.open(file) }
}

describe('createWriteMark', () => {
  it('stays the same while nothing is written, also across reads', () => {
    const { mine } = twoConnections()
    const writeMark = createWriteMark(mine)
    const before = writeMark()
    mine.sqlite.prepare('select * from items').all()
    expect(writeMark()).toBe(before)
  })

  it('changes at once when this connection writes', () => {
    const { mine } = twoConnections()
    const writeMark = createWriteMark(mine)
    const before = writeMark()
    mine.sqlite.prepare('insert into items (n) values (1)').run()
    expect(writeMark()).not.toBe(before)
  })

  it('changes within the stated delay when another connection commits, not before', () => {
    const { mine, other } = twoConnections()
    const clock = testClock(0)
    const writeMark = createWriteMark(mine, clock.now)
    const before = writeMark()
    other.sqlite.prepare('insert into items (n) values (1)').run()
    clock.advance(OTHER_PROCESS_DELAY_MS - 1)
    expect(writeMark()).toBe(before)
    clock.advance(1)
    expect(writeMark()).not.toBe(before)
  })
})

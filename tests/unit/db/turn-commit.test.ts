import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../db/connection.ts'
import { TurnCommit } from '../../../db/turn-commit.ts'
import { tempDatabases } from '../../support/temp-database.ts'

const databases = tempDatabases('turn-commit')
afterEach(() => databases.cleanup())

/** Two connections to one file: what `reader` sees is what was committed. */
function twoConnections(): { writer: Db; reader: Db; turn: TurnCommit } {
  const file = databases.file()
  const writer = databases.open(file)
  writer.sqlite.exec('create table items (id text primary key, n integer not null); create table refs (item_id text not null references items(id))')
  return { writer, reader: databases.open(file), turn: new TurnCommit(writer) }
}

const count = (db: Db) => (db.sqlite.prepare('select count(*) as n from items').get() as { n: number }).n

describe('TurnCommit.run', () => {
  it('commits the calls of one turn together and resolves each only after the commit', async () => {
    const { writer, reader, turn } = twoConnections()
    const insert = writer.sqlite.prepare('insert into items (id, n) values (?, ?)')
    const seenAtResolve: number[] = []
    const calls = ['a', 'b', 'c'].map((id, i) =>
      turn.run(() => insert.run(id, i).changes).then((changes) => {
        seenAtResolve.push(count(reader))
        return changes
      }),
    )
    // Nothing is committed before the turn ends.
    expect(count(reader)).toBe(0)
    expect(await Promise.all(calls)).toEqual([1, 1, 1])
    expect(seenAtResolve).toEqual([3, 3, 3])
  })

  it('rolls back only the call that throws; the others of the same turn are stored', async () => {
    const { writer, reader, turn } = twoConnections()
    const insert = writer.sqlite.prepare('insert into items (id, n) values (?, ?)')
    const results = await Promise.allSettled([
      turn.run(() => insert.run('a', 1)),
      turn.run(() => {
        insert.run('b', 2)
        throw new Error('refused')
      }),
      turn.run(() => insert.run('a', 3)), // duplicate key: refused by SQLite
      turn.run(() => insert.run('c', 4)),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('refused'))
    expect(reader.sqlite.prepare('select id, n from items order by id').all()).toEqual([
      { id: 'a', n: 1 },
      { id: 'c', n: 4 },
    ])
  })

  it('rejects every call of the turn when the commit itself fails, and stores none', async () => {
    const { writer, reader, turn } = twoConnections()
    writer.sqlite.pragma('foreign_keys = ON')
    const insert = writer.sqlite.prepare('insert into items (id, n) values (?, ?)')
    const results = await Promise.allSettled([
      turn.run(() => insert.run('a', 1)),
      turn.run(() => {
        // A deferred foreign key is only checked at COMMIT, which then fails.
        writer.sqlite.pragma('defer_foreign_keys = ON')
        writer.sqlite.prepare('insert into refs (item_id) values (?)').run('missing')
      }),
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(count(reader)).toBe(0)
    // The connection is usable afterwards.
    await turn.run(() => insert.run('b', 2))
    expect(count(reader)).toBe(1)
  })

  it('runs calls of a later turn in a transaction of their own', async () => {
    const { writer, reader, turn } = twoConnections()
    const insert = writer.sqlite.prepare('insert into items (id, n) values (?, ?)')
    await turn.run(() => insert.run('a', 1))
    expect(count(reader)).toBe(1)
    await turn.run(() => insert.run('b', 2))
    expect(count(reader)).toBe(2)
  })
})

describe('TurnCommit.join', () => {
  const part = (log: string[], name: string, write: (() => void) | null) => ({
    hasWrites: () => write !== null,
    write: () => write?.(),
    settle: (error: unknown) => void log.push(`${name}: ${error === undefined ? 'stored' : (error as Error).message}`),
  })

  it('settles a part with nothing to write without opening a transaction', async () => {
    const { turn } = twoConnections()
    const log: string[] = []
    turn.join(part(log, 'relay only', null))
    await new Promise((resolve) => setImmediate(resolve))
    expect(log).toEqual(['relay only: stored'])
    expect(turn.commits).toBe(0)
  })

  it('commits the parts and the runs of one turn once, settling each after the commit', async () => {
    const { writer, reader, turn } = twoConnections()
    const insert = writer.sqlite.prepare('insert into items (id, n) values (?, ?)')
    const log: string[] = []
    const seen: number[] = []
    turn.join(part(log, 'editor', () => insert.run('x', 1)))
    const ballot = turn.run(() => insert.run('y', 2)).then(() => seen.push(count(reader)))
    turn.join(part(log, 'failing', () => {
      insert.run('z', 3)
      throw new Error('refused')
    }))
    await ballot
    expect(log).toEqual(['editor: stored', 'failing: refused'])
    expect(seen).toEqual([2])
    expect(turn.commits).toBe(1)
  })

  it('commits at once when asked to, and not again at the end of the turn', async () => {
    const { writer, reader, turn } = twoConnections()
    const insert = writer.sqlite.prepare('insert into items (id, n) values (?, ?)')
    const log: string[] = []
    turn.join(part(log, 'editor', () => insert.run('x', 1)))
    turn.commit()
    expect(count(reader)).toBe(1)
    await new Promise((resolve) => setImmediate(resolve))
    expect(log).toEqual(['editor: stored'])
    expect(turn.commits).toBe(1)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, type Db } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { all, compiledQuery, first, run } from '../../../db/query.ts'

let db: Db | undefined
afterEach(() => {
  if (db) closeDatabase(db)
  db = undefined
})

async function freshDb(): Promise<Db> {
  db = openDatabase(':memory:')
  await migrateToLatest(db)
  return db
}

describe('compiledQuery', () => {
  it('binds each call’s own arguments and keeps constants of the query', async () => {
    const db = await freshDb()
    const insert = compiledQuery((q, id: string, name: string, slug: string, weight: number, active: number) =>
      q.insertInto('initiatives').values({ id, name, slug, weight, active, created_at: 1, updated_at: 1 }),
    )
    run(db, insert(db, 'a', 'Erste', 'erste', 2, 1))
    run(db, insert(db, 'b', 'Zweite', 'zweite', 3, 0))
    const activeByWeight = compiledQuery((q, weight: number) =>
      q.selectFrom('initiatives').select(['id', 'name']).where('weight', '>=', weight).where('active', '=', 1),
    )
    expect(all(db, activeByWeight(db, 0))).toEqual([{ id: 'a', name: 'Erste' }])
    expect(all(db, activeByWeight(db, 3))).toEqual([])
    const byId = compiledQuery((q, id: string) => q.selectFrom('initiatives').select('name').where('id', '=', id))
    expect(first(db, byId(db, 'b'))?.name).toBe('Zweite')
    expect(first(db, byId(db, 'missing'))).toBeUndefined()
  })

  it('refuses an argument that is not used exactly once as a plain value', async () => {
    const db = await freshDb()
    const twice = compiledQuery((q, id: string) => q.selectFrom('initiatives').select('name').where('id', '=', id).where('slug', '=', id))
    expect(() => twice(db, 'a')).toThrow(/exactly once/)
    const unused = compiledQuery((q, _id: string) => q.selectFrom('initiatives').select('name'))
    expect(() => unused(db, 'a')).toThrow(/exactly once/)
  })
})

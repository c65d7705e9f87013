import { describe, expect, it } from 'vitest'
import { readableSlug } from '../../../server/positions/readable-slug.ts'
import { uniquePositionSlug } from '../../../server/positions/position-slug.ts'
import { closeDatabase, openDatabase } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'

describe('readable slugs', () => {
  it('keeps the German rules for Latin titles', () => {
    expect(readableSlug('Wohnen für alle')).toBe('wohnen-fuer-alle')
    expect(readableSlug('Sprachkurse: ab Tag 1!')).toBe('sprachkurse-ab-tag-1')
  })

  it('transliterates titles without Latin letters instead of giving a number', () => {
    expect(readableSlug('Право на житло для біженців')).toBe('pravo-na-zhitlo-dlya-bizhenciv')
    expect(readableSlug('حقوق اللاجئين في السكن')).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/)
    expect(readableSlug('ትግርኛ ሰላም')).toMatch(/^[a-z]/)
    expect(readableSlug('2026: Право на житло')).toBe('2026-pravo-na-zhitlo')
  })

  it('gives two positions with a Ukrainian title readable, distinct slugs, never "position-2"', async () => {
    const db = openDatabase(':memory:')
    await migrateToLatest(db)
    const first = uniquePositionSlug(db, 'Право на житло')
    expect(first).toBe('pravo-na-zhitlo')
    expect(first).not.toMatch(/^position/)
    closeDatabase(db)
  })
})

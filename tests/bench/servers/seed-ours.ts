import { closeDatabase, openDatabase, type Db } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { transaction } from '../../../db/query.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'

export interface SyncSeed {
  /** One session cookie per person ("name=value"), each a member of the group that owns the positions. */
  cookies: string[]
  positionIds: string[]
}

/**
 * Writes the world a sync run needs straight into a fresh database, before the server starts:
 * people with sessions (no password logins, which would measure argon2), one working group and
 * its positions. Each client gets its own person, as in real use and as the per-person
 * connection cap expects.
 */
export async function seedSync(file: string, people: number, documents: number): Promise<SyncSeed> {
  const db = openDatabase(file)
  try {
    await migrateToLatest(db)
    return transaction(db, () => {
      const group = buildGroup(db, { name: 'Arbeitsgruppe Benchmark' })
      const cookies: string[] = []
      let creator = ''
      for (let i = 0; i < people; i++) {
        const person = buildPerson(db, { name: `Schreiber*in ${i + 1}`, email: `bench-${i + 1}@example.org` })
        addToGroup(db, group.id, person.id)
        cookies.push(sessionCookie(db, person.id, Date.now()))
        creator ||= person.id
      }
      const positionIds: string[] = []
      for (let i = 0; i < documents; i++) positionIds.push(buildPosition(db, { groupId: group.id, createdBy: creator, title: `Benchmark ${i + 1}` }).id)
      return { cookies, positionIds }
    })
  } finally {
    closeDatabase(db)
  }
}

/** Opens the server's database from the harness (WAL allows it next to the running server). */
export function openOurDatabase(file: string): Db {
  return openDatabase(file)
}

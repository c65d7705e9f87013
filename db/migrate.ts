import { Migrator } from 'kysely'
import type { Db } from './connection.ts'
import { migrationProvider } from './migrations/index.ts'

/** Brings the database to the latest schema; throws (and changes nothing more) on failure. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.q, provider: migrationProvider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

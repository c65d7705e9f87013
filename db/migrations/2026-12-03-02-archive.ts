import type { Kysely } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  // Archiving takes a position out of the lists and keeps everything else: its status (where in
  // the lifecycle it ended), versions, rounds, ballots and publication stay as they were.
  await db.schema.alterTable('positions').addColumn('archived_at', 'integer').execute()
  await db.schema
    .alterTable('positions')
    .addColumn('archived_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .execute()
}

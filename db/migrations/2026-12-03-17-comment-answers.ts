import { sql, type Kysely } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  // A thread a voter started from the ballot form: the reason of their objection or concern,
  // pointed at a passage of the version under decision.
  await db.schema
    .alterTable('comments')
    .addColumn('ballot_choice', 'text', (c) => c.check(sql`ballot_choice in ('objection', 'concern')`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('ballot_choice').execute()
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  // Split votes: a round opened with allow_split = 1 takes ballots whose weight is divided among
  // answers; the split is JSON ({"yes":2,"abstain":1}), `choice` then holds its largest part.
  await db.schema.alterTable('rounds').addColumn('allow_split', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  for (const table of ['ballots', 'ballot_history', 'secret_ballots']) {
    await db.schema.alterTable(table).addColumn('split', 'text').execute()
  }

  // Proxies (Stimmübertragung): initiative A's vote handed to a delegate of another initiative,
  // for one round (round_id) or for every round until revoked (round_id null).
  await db.schema
    .createTable('proxies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('to_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.references('rounds.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('revoked_at', 'integer')
    .addColumn('revoked_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .execute()
  // One proxy in force per initiative at a time.
  await sql`CREATE UNIQUE INDEX proxies_one_active ON proxies (initiative_id) WHERE revoked_at IS NULL`.execute(db)
  await db.schema.createIndex('proxies_to_person').on('proxies').column('to_person_id').execute()

  // The rounds in which a proxy cast its initiative's ballot: that the proxy was used (public,
  // like participation), never what it answered.
  await db.schema
    .createTable('proxy_uses')
    .addColumn('proxy_id', 'text', (c) => c.notNull().references('proxies.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('initiative_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('proxy_uses_pk', ['round_id', 'initiative_id'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute()

  // The alliance's setting: at most this many votes one person may carry, their own included.
  await db.schema
    .createTable('proxy_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('max_votes', 'integer', (c) => c.notNull().check(sql`max_votes >= 1`))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .execute()
}

import { sql, type Kysely } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  // One deployment serves one alliance: its profile is a single row (id 1), made on first save.
  // The logo is kept in the database (it is small and capped) so the nightly backup has it.
  await db.schema
    .createTable('alliance_profile')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('press_contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('imprint_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('imprint_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('privacy_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('privacy_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('logo', 'blob')
    .addColumn('logo_type', 'text')
    .addColumn('logo_width', 'integer')
    .addColumn('logo_height', 'integer')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .execute()

  // The initiatives that agreed to be named on the public "Über uns" page (nobody until they say so).
  await db.schema
    .createTable('public_initiatives')
    .addColumn('initiative_id', 'text', (c) => c.primaryKey().references('initiatives.id').onDelete('cascade'))
    .addColumn('listed_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('listed_at', 'integer', (c) => c.notNull())
    .execute()
}

export async function down(): Promise<void> {
  throw new Error('the alliance migration cannot be reverted')
}

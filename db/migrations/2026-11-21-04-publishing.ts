import type { Kysely } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  // One publication per position: the lifecycle ends at withdrawn, so a position is published once.
  // Everything the public sees is copied here at publish time (text, html, result, group), so the
  // public page never changes because a draft, a group or a round row changed later.
  await db.schema
    .createTable('publications')
    .addColumn('position_id', 'text', (c) => c.primaryKey().references('positions.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('group_id', 'text', (c) => c.notNull().references('working_groups.id'))
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('group_slug', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    // The round that adopted the version (its result is copied into `result`).
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('version_hash', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('adopted_at', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'integer', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('withdrawn_at', 'integer')
    .addColumn('withdrawn_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('withdraw_reason', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('publications_published_at').on('publications').column('published_at').execute()
  await db.schema.createIndex('publications_updated_at').on('publications').column('updated_at').execute()

  await db.schema
    .createTable('signatures')
    .addColumn('position_id', 'text', (c) => c.notNull().references('publications.position_id').onDelete('cascade'))
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('signed_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('signed_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('signatures_pk', ['position_id', 'initiative_id'])
    .execute()
  await db.schema.createIndex('signatures_initiative').on('signatures').column('initiative_id').execute()
}

export async function down(): Promise<void> {
  throw new Error('the publishing migration cannot be reverted')
}

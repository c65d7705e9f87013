import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('working_groups.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('drafting', 'in_round', 'adopted', 'published', 'withdrawn')`),
    )
    .addColumn('draft_readonly', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('last_edit_at', 'integer')
    .execute()
  await db.schema.createIndex('positions_group').on('positions').column('group_id').execute()

  await db.schema
    .createTable('doc_updates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id').onDelete('cascade'))
    .addColumn('data', 'blob', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('doc_updates_position').on('doc_updates').columns(['position_id', 'id']).execute()
}

export async function down(): Promise<void> {
  throw new Error('the positions migration cannot be reverted')
}

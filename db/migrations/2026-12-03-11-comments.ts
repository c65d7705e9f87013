import { type Kysely, sql } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  // One table for threads and their replies: a reply has `thread_id` and no anchor. A thread is
  // anchored either to the live draft (two encoded Yjs relative positions) or to a range in the
  // immutable text of a version (version number and ProseMirror positions).
  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id').onDelete('cascade'))
    .addColumn('thread_id', 'text', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('anchor_kind', 'text', (c) => c.check(sql`anchor_kind in ('draft', 'version')`))
    .addColumn('anchor_from', 'blob')
    .addColumn('anchor_to', 'blob')
    .addColumn('version_number', 'integer')
    .addColumn('version_from', 'integer')
    .addColumn('version_to', 'integer')
    // The passage as it was when the comment was written: shown when the passage is gone.
    .addColumn('quote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('resolved_at', 'integer')
    .addColumn('resolved_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('edited_at', 'integer')
    .addColumn('deleted_at', 'integer')
    .execute()
  await db.schema.createIndex('comments_position').on('comments').columns(['position_id', 'created_at']).execute()
  await db.schema.createIndex('comments_thread').on('comments').columns(['thread_id', 'created_at']).execute()

  // Every earlier text of an edited (or deleted) comment: the record the alliance may need later.
  await db.schema
    .createTable('comment_edits')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'integer', (c) => c.notNull())
    .addColumn('replaced_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('comment_edits_comment').on('comment_edits').columns(['comment_id', 'id']).execute()

  // People mentioned with @Name, recorded so that the notification feature can tell them.
  await db.schema
    .createTable('comment_mentions')
    .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('notified_at', 'integer')
    .addPrimaryKeyConstraint('comment_mentions_pk', ['comment_id', 'person_id'])
    .execute()
  await db.schema.createIndex('comment_mentions_person').on('comment_mentions').columns(['person_id', 'created_at']).execute()
}

export async function down(): Promise<void> {
  throw new Error('the comments migration cannot be reverted')
}

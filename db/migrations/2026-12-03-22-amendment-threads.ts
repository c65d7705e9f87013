import { sql, type Kysely } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema, so it means the same thing forever.
export async function up(db: Kysely<any>): Promise<void> {
  // An amendment's discussion is an ordinary comment thread on the amendment's passage of its
  // version: the thread's first comment (its reason) names the amendment; replies do not.
  await db.schema
    .alterTable('comments')
    .addColumn('amendment_id', 'text', (c) => c.references('amendments.id').onDelete('cascade'))
    .execute()
  await db.schema.createIndex('comments_amendment').unique().on('comments').column('amendment_id').where(sql.ref('amendment_id'), 'is not', null).execute()

  // Amendments proposed before this migration get their thread, as a proposal does from now on.
  await sql`
    insert into comments (id, position_id, thread_id, author_id, body, anchor_kind, version_number, version_from, version_to, quote, created_at, amendment_id)
    select lower(hex(randomblob(8))), position_id, null, author_id, reason, 'version', version_number, from_pos, to_pos, quote, created_at, id
    from amendments
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_amendment').execute()
  await db.deleteFrom('comments').where('amendment_id', 'is not', null).execute()
  await db.schema.alterTable('comments').dropColumn('amendment_id').execute()
}

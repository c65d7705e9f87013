import { type Kysely, sql } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema.
//
// Notifications: what a person was told (the in-app list), the mail outbox (written in the same
// transaction as the event that causes a mail, delivered later by the sender job), settings per
// person and kind, marks of reminders and nudges sent per round, the secrets the app signs with,
// and personal calendar feeds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // What the title is made of (JSON); rendered in the reader's language when shown.
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'integer')
    // 1 while the notification waits for the person's daily digest mail.
    .addColumn('digest_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('notifications_person').on('notifications').columns(['person_id', 'created_at']).execute()
  await sql`create index notifications_digest on notifications (created_at) where digest_pending = 1`.execute(db)

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    // JSON array of { filename, contentType, content } (text content), or null.
    .addColumn('attachments', 'text')
    .addColumn('unsubscribe_url', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'integer')
    .addColumn('failed_at', 'integer')
    .addCheckConstraint('mail_outbox_locale', sql`locale in ('de', 'en')`)
    .execute()
  await sql`create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null`.execute(db)

  await db.schema
    .createTable('notification_settings')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_settings_pk', ['person_id', 'kind'])
    .addCheckConstraint('notification_settings_mode', sql`mode in ('immediate', 'digest', 'off')`)
    .execute()

  // One row per reminder before the deadline and per nudge from the round page.
  await db.schema
    .createTable('round_reminders')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('sent_at', 'integer', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addCheckConstraint('round_reminders_kind', sql`kind in ('closing_soon', 'nudge')`)
    .execute()
  await db.schema.createIndex('round_reminders_round').on('round_reminders').columns(['round_id', 'kind', 'sent_at']).execute()

  await db.schema
    .createTable('app_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    // Random; the feed's URL is signed over it, so renewing (a new nonce) ends the old URL.
    .addColumn('nonce', 'blob', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute()
}

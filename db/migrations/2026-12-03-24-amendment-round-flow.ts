import { type Kysely, sql } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema.
//
// Amendment rounds get the flow of rounds on a version (2026-12-03-00-round-flow): a reason for a
// short notice, deadlines a coordinator may move later (each extension kept), cancellation
// (status 'cancelled', no result), and their own record of reminders. SQLite cannot change a
// CHECK constraint in place, so `amendment_rounds` is rebuilt the documented way (foreign keys
// off, new table, copy, drop, rename, check); the tables that reference it keep their rows.
// A vote handed on (proxies) is used in amendment rounds too: amendment_proxy_uses records where.

async function refuse(db: Kysely<any>, name: string, event: 'update' | 'delete' | 'insert', table: string, message: string, when: ReturnType<typeof sql>) {
  await sql`create trigger ${sql.raw(name)} before ${sql.raw(event)} on ${sql.raw(table)} when ${when}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction; the pragma only works outside one.
  await sql`pragma foreign_keys = off`.execute(db)
  await sql`begin immediate`.execute(db)
  try {
    await sql`drop trigger if exists amendment_rounds_closed_frozen`.execute(db)
    await db.schema
      .createTable('amendment_rounds_new')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id').onDelete('cascade'))
      .addColumn('electorate', 'text', (c) => c.notNull().check(sql`electorate in ('initiatives', 'members')`))
      .addColumn('majority', 'text', (c) => c.notNull().check(sql`majority in ('simple', 'two_thirds', 'absolute')`))
      .addColumn('quorum_bp', 'integer', (c) => c.notNull().check(sql`quorum_bp between 0 and 10000`))
      .addColumn('secret', 'integer', (c) => c.notNull().check(sql`secret in (0, 1)`))
      .addColumn('ordered', 'integer', (c) => c.notNull().check(sql`ordered in (0, 1)`))
      .addColumn('short_notice_reason', 'text')
      .addColumn('opened_by', 'text', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('opened_at', 'integer', (c) => c.notNull())
      .addColumn('closes_at', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed', 'cancelled')`))
      .addColumn('closed_at', 'integer')
      .addColumn('closed_by', 'text', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('cancelled_at', 'integer')
      .addColumn('cancelled_by', 'text', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('cancel_reason', 'text')
      .addCheckConstraint(
        'amendment_rounds_ended',
        sql`(status = 'open' and closed_at is null and cancelled_at is null)
          or (status = 'closed' and closed_at is not null and cancelled_at is null)
          or (status = 'cancelled' and cancelled_at is not null and cancel_reason is not null and closed_at is null)`,
      )
      .execute()
    await sql`insert into amendment_rounds_new (id, position_id, electorate, majority, quorum_bp, secret, ordered,
        opened_by, opened_at, closes_at, status, closed_at, closed_by)
      select id, position_id, electorate, majority, quorum_bp, secret, ordered,
        opened_by, opened_at, closes_at, status, closed_at, closed_by from amendment_rounds`.execute(db)
    await sql`drop table amendment_rounds`.execute(db)
    await sql`alter table amendment_rounds_new rename to amendment_rounds`.execute(db)
    await db.schema.createIndex('amendment_rounds_position').on('amendment_rounds').columns(['position_id', 'opened_at']).execute()
    await db.schema.createIndex('amendment_rounds_status_closes').on('amendment_rounds').columns(['status', 'closes_at']).execute()
    await refuse(db, 'amendment_rounds_closed_frozen', 'update', 'amendment_rounds', 'a closed round cannot change', sql`old.status is not 'open'`)
    await refuse(db, 'amendment_rounds_deadline_later', 'update', 'amendment_rounds', 'a deadline can only move later', sql`new.closes_at < old.closes_at`)

    // Every extension of an amendment round's deadline, with its reason: shown on the round, kept for good.
    await db.schema
      .createTable('amendment_round_extensions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('round_id', 'text', (c) => c.notNull().references('amendment_rounds.id').onDelete('cascade'))
      .addColumn('previous_closes_at', 'integer', (c) => c.notNull())
      .addColumn('closes_at', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('extended_by', 'text', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('extended_at', 'integer', (c) => c.notNull())
      .addCheckConstraint('amendment_round_extensions_later', sql`closes_at > previous_closes_at`)
      .execute()
    await db.schema.createIndex('amendment_round_extensions_round').on('amendment_round_extensions').columns(['round_id', 'id']).execute()
    await sql`create trigger amendment_round_extensions_no_update before update on amendment_round_extensions
      begin select raise(abort, 'extensions are kept as they were'); end`.execute(db)

    // The reminders before an amendment round's deadline and the coordinators' nudges, as round_reminders.
    await db.schema
      .createTable('amendment_round_reminders')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('round_id', 'text', (c) => c.notNull().references('amendment_rounds.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('sent_by', 'text', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('sent_at', 'integer', (c) => c.notNull())
      .addColumn('recipients', 'integer', (c) => c.notNull())
      .addCheckConstraint('amendment_round_reminders_kind', sql`kind in ('closing_soon', 'nudge')`)
      .execute()
    await db.schema.createIndex('amendment_round_reminders_round').on('amendment_round_reminders').columns(['round_id', 'kind', 'sent_at']).execute()

    // The amendment rounds in which a proxy cast its initiative's ballot, as proxy_uses for rounds:
    // that the proxy was used (public, like participation), never what it answered.
    await db.schema
      .createTable('amendment_proxy_uses')
      .addColumn('proxy_id', 'text', (c) => c.notNull().references('proxies.id').onDelete('cascade'))
      .addColumn('round_id', 'text', (c) => c.notNull().references('amendment_rounds.id').onDelete('cascade'))
      .addColumn('initiative_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('amendment_proxy_uses_pk', ['round_id', 'initiative_id'])
      .modifyEnd(sql`without rowid`)
      .execute()

    const broken = await sql`pragma foreign_key_check`.execute(db)
    if (broken.rows.length > 0) throw new Error(`amendment-round-flow migration: ${broken.rows.length} foreign key violations`)
    await sql`commit`.execute(db)
  } catch (error) {
    await sql`rollback`.execute(db)
    throw error
  } finally {
    await sql`pragma foreign_keys = on`.execute(db)
  }
}

export async function down(): Promise<void> {
  throw new Error('the amendment-round-flow migration cannot be reverted')
}

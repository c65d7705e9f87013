import { type Kysely, sql } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema.
//
// Round flow: a third visibility (answers hidden until the round closes), a reason for a short
// notice, deadlines that a coordinator may move later (with a record of each extension), and
// rounds that are cancelled (status 'cancelled', no result). SQLite cannot change a CHECK
// constraint in place, so `rounds` is rebuilt (the documented 12-step way: foreign keys off, new
// table, copy, drop, rename, check); the triggers of other tables that read `rounds` are dropped
// first and created again afterwards, now refusing writes to any round that is not open.

const NOT_OPEN = (alias: 'new' | 'old') => sql`(select status from rounds where id = ${sql.raw(alias)}.round_id) is not 'open'`
const IS_SECRET = sql`(select secret from rounds where id = new.round_id) = 1`
const NOT_SECRET = sql`(select secret from rounds where id = new.round_id) is not 1`

async function refuse(db: Kysely<any>, name: string, event: 'update' | 'delete' | 'insert', table: string, message: string, when?: ReturnType<typeof sql>) {
  const condition = when ? sql` when ${when}` : sql``
  await sql`create trigger ${sql.raw(name)} before ${sql.raw(event)} on ${sql.raw(table)}${condition}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db)
}

/** Triggers on other tables whose body reads `rounds`: [name, event, table, message, condition]. */
const DEPENDENT_TRIGGERS: Array<[string, 'update' | 'delete' | 'insert', string, string, ReturnType<typeof sql>]> = [
  ['round_electorate_closed', 'insert', 'round_electorate', 'the round is closed', NOT_OPEN('new')],
  ['ballots_closed_insert', 'insert', 'ballots', 'the round is closed', NOT_OPEN('new')],
  ['ballots_closed_update', 'update', 'ballots', 'the round is closed', NOT_OPEN('old')],
  ['ballots_closed_delete', 'delete', 'ballots', 'the round is closed', NOT_OPEN('old')],
  ['ballots_not_secret', 'insert', 'ballots', 'secret ballots are stored apart', IS_SECRET],
  ['ballot_history_closed', 'insert', 'ballot_history', 'the round is closed', NOT_OPEN('new')],
  ['ballot_history_not_secret', 'insert', 'ballot_history', 'secret ballots are stored apart', IS_SECRET],
  ['round_participation_closed', 'insert', 'round_participation', 'the round is closed', NOT_OPEN('new')],
  ['round_participation_secret_only', 'insert', 'round_participation', 'only secret rounds store ballots here', NOT_SECRET],
  ['secret_ballots_closed', 'insert', 'secret_ballots', 'the round is closed', NOT_OPEN('new')],
  ['secret_ballots_secret_only', 'insert', 'secret_ballots', 'only secret rounds store ballots here', NOT_SECRET],
]

export async function up(db: Kysely<any>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction; the pragma only works outside one.
  await sql`pragma foreign_keys = off`.execute(db)
  await sql`begin immediate`.execute(db)
  try {
    for (const [name] of DEPENDENT_TRIGGERS) await sql`drop trigger if exists ${sql.raw(name)}`.execute(db)

    await db.schema
      .createTable('rounds_new')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id'))
      .addColumn('version_number', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('consent', 'vote')`))
      .addColumn('electorate', 'text', (c) => c.notNull().check(sql`electorate in ('initiatives', 'members')`))
      .addColumn('majority', 'text')
      .addColumn('quorum_bp', 'integer', (c) => c.notNull().check(sql`quorum_bp between 0 and 10000`))
      .addColumn('secret', 'integer', (c) => c.notNull().check(sql`secret in (0, 1)`))
      .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('open', 'until_close', 'secret')`))
      .addColumn('short_notice_reason', 'text')
      .addColumn('opened_by', 'text', (c) => c.notNull().references('people.id'))
      .addColumn('opened_at', 'integer', (c) => c.notNull())
      .addColumn('closes_at', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed', 'cancelled')`))
      .addColumn('closed_at', 'integer')
      .addColumn('closed_by', 'text', (c) => c.references('people.id'))
      .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('adopted', 'rejected', 'no_quorum')`))
      .addColumn('result', 'text')
      .addColumn('cancelled_at', 'integer')
      .addColumn('cancelled_by', 'text', (c) => c.references('people.id'))
      .addColumn('cancel_reason', 'text')
      .addForeignKeyConstraint('rounds_version', ['position_id', 'version_number'], 'versions', ['position_id', 'number'])
      .addCheckConstraint(
        'rounds_majority',
        sql`(kind = 'consent' and majority is null) or (kind = 'vote' and majority in ('simple', 'two_thirds', 'absolute'))`,
      )
      .addCheckConstraint('rounds_secret_visibility', sql`(secret = 1) = (visibility = 'secret')`)
      .addCheckConstraint(
        'rounds_closed_has_result',
        sql`(status = 'open' and closed_at is null and outcome is null and result is null and cancelled_at is null)
          or (status = 'closed' and closed_at is not null and outcome is not null and result is not null and cancelled_at is null)
          or (status = 'cancelled' and cancelled_at is not null and cancelled_by is not null and cancel_reason is not null
              and closed_at is null and outcome is null and result is null)`,
      )
      .execute()
    await sql`insert into rounds_new (id, position_id, version_number, kind, electorate, majority, quorum_bp, secret, visibility,
        opened_by, opened_at, closes_at, status, closed_at, closed_by, outcome, result)
      select id, position_id, version_number, kind, electorate, majority, quorum_bp, secret,
        case when secret = 1 then 'secret' else 'open' end,
        opened_by, opened_at, closes_at, status, closed_at, closed_by, outcome, result from rounds`.execute(db)
    await sql`drop table rounds`.execute(db)
    await sql`alter table rounds_new rename to rounds`.execute(db)

    await sql`create unique index rounds_one_open on rounds (position_id) where status = 'open'`.execute(db)
    await db.schema.createIndex('rounds_position').on('rounds').columns(['position_id', 'opened_at']).execute()
    await db.schema.createIndex('rounds_status_closes').on('rounds').columns(['status', 'closes_at']).execute()
    await refuse(db, 'rounds_closed_frozen', 'update', 'rounds', 'a closed round cannot change', sql`old.status is not 'open'`)
    // The settings are fixed when a round opens; only the deadline may move, and only later.
    await refuse(
      db,
      'rounds_settings_fixed',
      'update',
      'rounds',
      'the settings of a round are fixed when it opens',
      sql`new.position_id is not old.position_id or new.version_number is not old.version_number
        or new.kind is not old.kind or new.electorate is not old.electorate or new.majority is not old.majority
        or new.quorum_bp is not old.quorum_bp or new.secret is not old.secret or new.visibility is not old.visibility
        or new.short_notice_reason is not old.short_notice_reason or new.opened_by is not old.opened_by
        or new.opened_at is not old.opened_at`,
    )
    await refuse(db, 'rounds_deadline_later', 'update', 'rounds', 'a deadline can only move later', sql`new.closes_at < old.closes_at`)
    await refuse(db, 'rounds_no_delete', 'delete', 'rounds', 'rounds are kept')

    for (const [name, event, table, message, when] of DEPENDENT_TRIGGERS) await refuse(db, name, event, table, message, when)

    // Every extension of a deadline, with its reason: shown on the round, kept for good.
    await db.schema
      .createTable('round_extensions')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
      .addColumn('previous_closes_at', 'integer', (c) => c.notNull())
      .addColumn('closes_at', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('extended_by', 'text', (c) => c.notNull().references('people.id'))
      .addColumn('extended_at', 'integer', (c) => c.notNull())
      .addCheckConstraint('round_extensions_later', sql`closes_at > previous_closes_at`)
      .execute()
    await db.schema.createIndex('round_extensions_round').on('round_extensions').columns(['round_id', 'id']).execute()
    await refuse(db, 'round_extensions_no_update', 'update', 'round_extensions', 'extensions are kept as they were')
    await refuse(db, 'round_extensions_no_delete', 'delete', 'round_extensions', 'extensions are kept as they were')
    await refuse(db, 'round_extensions_open_only', 'insert', 'round_extensions', 'the round is closed', NOT_OPEN('new'))

    const broken = await sql`pragma foreign_key_check`.execute(db)
    if (broken.rows.length > 0) throw new Error(`round-flow migration: ${broken.rows.length} foreign key violations`)
    await sql`commit`.execute(db)
  } catch (error) {
    await sql`rollback`.execute(db)
    throw error
  } finally {
    await sql`pragma foreign_keys = on`.execute(db)
  }
}

export async function down(): Promise<void> {
  throw new Error('the round-flow migration cannot be reverted')
}

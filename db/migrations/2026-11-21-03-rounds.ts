import { type Kysely, sql } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema, so it means the same thing forever.
// Integrity rules that must hold whatever the application does are triggers here: versions and
// closed rounds never change, ballots of closed rounds never change, secret ballots are final.
const ALL_CHOICES = sql`('consent', 'concern', 'stand_aside', 'objection', 'yes', 'no', 'abstain')`

async function refuse(db: Kysely<any>, name: string, event: 'update' | 'delete' | 'insert', table: string, message: string, when?: ReturnType<typeof sql>) {
  const condition = when ? sql` when ${when}` : sql``
  await sql`create trigger ${sql.raw(name)} before ${sql.raw(event)} on ${sql.raw(table)}${condition}
    begin select raise(abort, ${sql.lit(message)}); end`.execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  // Versions: frozen, numbered, content-hashed snapshots of a draft.
  await db.schema
    .createTable('versions')
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().check(sql`length(hash) = 64`))
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('versions_pk', ['position_id', 'number'])
    .execute()
  await refuse(db, 'versions_no_update', 'update', 'versions', 'versions are immutable')
  await refuse(db, 'versions_no_delete', 'delete', 'versions', 'versions are immutable')

  // Rounds: settings fixed at opening; the result is stored once, in the same write that closes.
  await db.schema
    .createTable('rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('consent', 'vote')`))
    .addColumn('electorate', 'text', (c) => c.notNull().check(sql`electorate in ('initiatives', 'members')`))
    .addColumn('majority', 'text')
    .addColumn('quorum_bp', 'integer', (c) => c.notNull().check(sql`quorum_bp between 0 and 10000`))
    .addColumn('secret', 'integer', (c) => c.notNull().check(sql`secret in (0, 1)`))
    .addColumn('opened_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('opened_at', 'integer', (c) => c.notNull())
    .addColumn('closes_at', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    .addColumn('closed_at', 'integer')
    .addColumn('closed_by', 'text', (c) => c.references('people.id'))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('adopted', 'rejected', 'no_quorum')`))
    .addColumn('result', 'text')
    .addForeignKeyConstraint('rounds_version', ['position_id', 'version_number'], 'versions', ['position_id', 'number'])
    .addCheckConstraint(
      'rounds_majority',
      sql`(kind = 'consent' and majority is null) or (kind = 'vote' and majority in ('simple', 'two_thirds', 'absolute'))`,
    )
    .addCheckConstraint(
      'rounds_closed_has_result',
      sql`(status = 'open' and closed_at is null and outcome is null and result is null)
        or (status = 'closed' and closed_at is not null and outcome is not null and result is not null)`,
    )
    .execute()
  // At most one open round per position, whatever races the application loses.
  await sql`create unique index rounds_one_open on rounds (position_id) where status = 'open'`.execute(db)
  await db.schema.createIndex('rounds_position').on('rounds').columns(['position_id', 'opened_at']).execute()
  await db.schema.createIndex('rounds_status_closes').on('rounds').columns(['status', 'closes_at']).execute()
  await refuse(db, 'rounds_closed_frozen', 'update', 'rounds', 'a closed round cannot change', sql`old.status = 'closed'`)
  await refuse(
    db,
    'rounds_settings_fixed',
    'update',
    'rounds',
    'the settings of a round are fixed when it opens',
    sql`new.position_id is not old.position_id or new.version_number is not old.version_number
      or new.kind is not old.kind or new.electorate is not old.electorate or new.majority is not old.majority
      or new.quorum_bp is not old.quorum_bp or new.secret is not old.secret or new.opened_by is not old.opened_by
      or new.opened_at is not old.opened_at or new.closes_at is not old.closes_at`,
  )
  await refuse(db, 'rounds_no_delete', 'delete', 'rounds', 'rounds are kept')

  // Who may vote, with which weight, as it was when the round opened. voter_key is an initiative
  // id or a person id, depending on the round's electorate.
  await db.schema
    .createTable('round_electorate')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull().check(sql`weight >= 0`))
    .addPrimaryKeyConstraint('round_electorate_pk', ['round_id', 'voter_key'])
    .modifyEnd(sql`without rowid`)
    .execute()
  const roundIsClosed = (alias: 'new' | 'old') => sql`(select status from rounds where id = ${sql.raw(alias)}.round_id) = 'closed'`
  const roundIsSecret = sql`(select secret from rounds where id = new.round_id) = 1`
  await refuse(db, 'round_electorate_no_update', 'update', 'round_electorate', 'the electorate is fixed when the round opens')
  await refuse(db, 'round_electorate_no_delete', 'delete', 'round_electorate', 'the electorate is fixed when the round opens')
  await refuse(db, 'round_electorate_closed', 'insert', 'round_electorate', 'the round is closed', roundIsClosed('new'))

  // Ballots of open (non-secret) rounds: the latest answer of each voter, one row per voter.
  await db.schema
    .createTable('ballots')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull().check(sql`choice in ${ALL_CHOICES}`))
    .addColumn('reason', 'text')
    .addColumn('cast_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('cast_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballots_pk', ['round_id', 'voter_key'])
    .addForeignKeyConstraint('ballots_voter', ['round_id', 'voter_key'], 'round_electorate', ['round_id', 'voter_key'])
    .execute()
  await refuse(db, 'ballots_closed_insert', 'insert', 'ballots', 'the round is closed', roundIsClosed('new'))
  await refuse(db, 'ballots_closed_update', 'update', 'ballots', 'the round is closed', roundIsClosed('old'))
  await refuse(db, 'ballots_closed_delete', 'delete', 'ballots', 'the round is closed', roundIsClosed('old'))
  await refuse(db, 'ballots_not_secret', 'insert', 'ballots', 'secret ballots are stored apart', roundIsSecret)

  // Every answer ever given in an open round, so changes stay traceable.
  await db.schema
    .createTable('ballot_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull().check(sql`choice in ${ALL_CHOICES}`))
    .addColumn('reason', 'text')
    .addColumn('cast_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('cast_at', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('ballot_history_round').on('ballot_history').columns(['round_id', 'voter_key', 'id']).execute()
  await refuse(db, 'ballot_history_no_update', 'update', 'ballot_history', 'ballot history is append-only')
  await refuse(db, 'ballot_history_no_delete', 'delete', 'ballot_history', 'ballot history is append-only')
  await refuse(db, 'ballot_history_closed', 'insert', 'ballot_history', 'the round is closed', roundIsClosed('new'))
  await refuse(db, 'ballot_history_not_secret', 'insert', 'ballot_history', 'secret ballots are stored apart', roundIsSecret)

  // Secret rounds: who voted, and what was voted, in two tables with nothing that links them.
  // Participation is keyed by voter (it is not secret *that* somebody voted) and stored without
  // rowid, so its order is the voters' key order, not the order of voting.
  await db.schema
    .createTable('round_participation')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('round_participation_pk', ['round_id', 'voter_key'])
    .addForeignKeyConstraint('round_participation_voter', ['round_id', 'voter_key'], 'round_electorate', ['round_id', 'voter_key'])
    .modifyEnd(sql`without rowid`)
    .execute()
  // Secret answers: a random id as the only key, WITHOUT ROWID so rows are stored (and read) in
  // the order of that random id; no voter, no time, no sequence. The weight is needed for the
  // weighted tally; with distinct initiative weights it narrows who cast a ballot exactly as much
  // as the published weighted result does.
  await db.schema
    .createTable('secret_ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull().check(sql`choice in ${ALL_CHOICES}`))
    .addColumn('reason', 'text')
    .addColumn('weight', 'integer', (c) => c.notNull().check(sql`weight >= 0`))
    .modifyEnd(sql`without rowid`)
    .execute()
  await db.schema.createIndex('secret_ballots_round').on('secret_ballots').columns(['round_id', 'id']).execute()
  const notSecret = sql`(select secret from rounds where id = new.round_id) is not 1`
  for (const table of ['round_participation', 'secret_ballots']) {
    await refuse(db, `${table}_final_update`, 'update', table, 'a secret ballot is final')
    await refuse(db, `${table}_final_delete`, 'delete', table, 'a secret ballot is final')
    await refuse(db, `${table}_closed`, 'insert', table, 'the round is closed', roundIsClosed('new'))
    await refuse(db, `${table}_secret_only`, 'insert', table, 'only secret rounds store ballots here', notSecret)
  }
}

export async function down(): Promise<void> {
  throw new Error('the rounds migration cannot be reverted')
}

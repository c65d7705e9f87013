import { type Kysely, sql } from 'kysely'

// Frozen in time: uses Kysely<any> and no types from db/schema, so it means the same thing forever.
const STATUSES = sql`('open', 'taken_over', 'rejected', 'adopted', 'refused', 'merged', 'conflict', 'obsolete')`
const VOTE_CHOICES = sql`('yes', 'no', 'abstain')`

export async function up(db: Kysely<any>): Promise<void> {
  // A proposed replacement of one passage of a version: the range is in ProseMirror positions of
  // that version's immutable text, the replacement a ProseMirror fragment (JSON array of block
  // nodes; [] deletes the passage). Numbered Ä1, Ä2 … per position.
  await db.schema
    .createTable('amendments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('from_pos', 'integer', (c) => c.notNull())
    .addColumn('to_pos', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('initiative_id', 'text', (c) => c.references('initiatives.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ${STATUSES}`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    // take_over or reject by a coordinator, or the round that voted on it.
    .addColumn('decided_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('decided_at', 'integer')
    .addColumn('decision_reason', 'text')
    .addColumn('round_id', 'text')
    // Once it went into the live draft (or could not: merge_note says why).
    .addColumn('merged_at', 'integer')
    .addColumn('merged_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('merge_note', 'text')
    .addColumn('obsoleted_by', 'text')
    // The first version frozen after the merge: the version that contains the amendment.
    .addColumn('in_version', 'integer')
    .addUniqueConstraint('amendments_number', ['position_id', 'number'])
    .execute()
  await db.schema.createIndex('amendments_round').on('amendments').columns(['round_id']).execute()

  // One support per initiative, given by one of its delegates.
  await db.schema
    .createTable('amendment_supports')
    .addColumn('amendment_id', 'text', (c) => c.notNull().references('amendments.id').onDelete('cascade'))
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('amendment_supports_pk', ['amendment_id', 'initiative_id'])
    .execute()

  // A round that votes on several amendments, each separately (yes / no / abstain). Not a round
  // on a version: the position keeps its status and its draft stays editable.
  await db.schema
    .createTable('amendment_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id').onDelete('cascade'))
    .addColumn('electorate', 'text', (c) => c.notNull().check(sql`electorate in ('initiatives', 'members')`))
    .addColumn('majority', 'text', (c) => c.notNull().check(sql`majority in ('simple', 'two_thirds', 'absolute')`))
    .addColumn('quorum_bp', 'integer', (c) => c.notNull().check(sql`quorum_bp between 0 and 10000`))
    .addColumn('secret', 'integer', (c) => c.notNull().check(sql`secret in (0, 1)`))
    .addColumn('ordered', 'integer', (c) => c.notNull().check(sql`ordered in (0, 1)`))
    .addColumn('opened_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('opened_at', 'integer', (c) => c.notNull())
    .addColumn('closes_at', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    .addColumn('closed_at', 'integer')
    .addColumn('closed_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .execute()
  await sql`create trigger amendment_rounds_closed_frozen before update on amendment_rounds when old.status = 'closed'
    begin select raise(abort, 'a closed round cannot change'); end`.execute(db)

  // The amendments of a round in the order they are voted and merged, each with its own result.
  await db.schema
    .createTable('amendment_round_items')
    .addColumn('round_id', 'text', (c) => c.notNull().references('amendment_rounds.id').onDelete('cascade'))
    .addColumn('amendment_id', 'text', (c) => c.notNull().references('amendments.id').onDelete('cascade'))
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('adopted', 'rejected', 'no_quorum')`))
    .addColumn('result', 'text')
    .addPrimaryKeyConstraint('amendment_round_items_pk', ['round_id', 'amendment_id'])
    .execute()

  await db.schema
    .createTable('amendment_round_electorate')
    .addColumn('round_id', 'text', (c) => c.notNull().references('amendment_rounds.id').onDelete('cascade'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull().check(sql`weight >= 0`))
    .addPrimaryKeyConstraint('amendment_round_electorate_pk', ['round_id', 'voter_key'])
    .execute()

  // Open rounds: the current answer of each voter on each amendment.
  await db.schema
    .createTable('amendment_ballots')
    .addColumn('round_id', 'text', (c) => c.notNull().references('amendment_rounds.id').onDelete('cascade'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('amendment_id', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull().check(sql`choice in ${VOTE_CHOICES}`))
    .addColumn('cast_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('cast_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('amendment_ballots_pk', ['round_id', 'voter_key', 'amendment_id'])
    .execute()

  // Secret rounds: who voted, and apart from it, what (random ids, no rowid, no time: nothing links them).
  await db.schema
    .createTable('amendment_round_participation')
    .addColumn('round_id', 'text', (c) => c.notNull().references('amendment_rounds.id').onDelete('cascade'))
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('amendment_round_participation_pk', ['round_id', 'voter_key'])
    .execute()
  await db.schema
    .createTable('amendment_secret_ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('amendment_rounds.id').onDelete('cascade'))
    .addColumn('amendment_id', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull().check(sql`choice in ${VOTE_CHOICES}`))
    .addColumn('weight', 'integer', (c) => c.notNull().check(sql`weight >= 0`))
    .modifyEnd(sql`without rowid`)
    .execute()
  for (const table of ['amendment_round_participation', 'amendment_secret_ballots']) {
    await sql`create trigger ${sql.raw(table)}_final_update before update on ${sql.raw(table)}
      begin select raise(abort, 'a secret ballot is final'); end`.execute(db)
    await sql`create trigger ${sql.raw(table)}_final_delete before delete on ${sql.raw(table)}
      begin select raise(abort, 'a secret ballot is final'); end`.execute(db)
  }
}

export async function down(): Promise<void> {
  throw new Error('the amendments migration cannot be reverted')
}

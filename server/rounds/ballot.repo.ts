import type { Db } from '../../db/connection.ts'
import { all, compiledQuery, first, run } from '../../db/query.ts'
import type { BallotRow } from '../../db/schema/index.ts'
import type { Choice } from '../../shared/rules/choices.ts'
import type { Split } from '../../shared/rules/split.ts'
import type { CountedBallot, Totals } from '../../shared/rules/tally.ts'

// Open rounds: one current row per voter plus an append-only history.

// Casting runs these on every ballot: compiled once (see compiledQuery).
const ballotOf = compiledQuery((q, roundId: string, voterKey: string) =>
  q.selectFrom('ballots').selectAll().where('round_id', '=', roundId).where('voter_key', '=', voterKey),
)
const ballotInsert = compiledQuery((q, ...r: BallotFields) => q.insertInto('ballots').values(ballotRow(r)))
const historyInsert = compiledQuery((q, ...r: BallotFields) => q.insertInto('ballot_history').values(ballotRow(r)))
const ballotUpdate = compiledQuery(
  (q, versionNumber: number, choice: Choice, reason: string | null, castBy: string, castAt: number, roundId: string, voterKey: string) =>
    q
      .updateTable('ballots')
      .set({ version_number: versionNumber, choice, reason, cast_by: castBy, cast_at: castAt })
      .where('round_id', '=', roundId)
      .where('voter_key', '=', voterKey),
)

type BallotFields = [string, string, number, Choice, string | null, string, number]
const ballotFields = (r: BallotRow): BallotFields => [r.round_id, r.voter_key, r.version_number, r.choice, r.reason, r.cast_by, r.cast_at]
const ballotRow = ([round_id, voter_key, version_number, choice, reason, cast_by, cast_at]: BallotFields): BallotRow => ({
  round_id,
  voter_key,
  version_number,
  choice,
  reason,
  cast_by,
  cast_at,
})

export function getBallot(db: Db, roundId: string, voterKey: string): BallotRow | undefined {
  return first(db, ballotOf(db, roundId, voterKey))
}

export function insertBallot(db: Db, row: BallotRow): void {
  run(db, ballotInsert(db, ...ballotFields(row)))
}

export function replaceBallot(db: Db, row: BallotRow): void {
  run(db, ballotUpdate(db, row.version_number, row.choice, row.reason, row.cast_by, row.cast_at, row.round_id, row.voter_key))
}

/** `split`: a split vote's JSON (split-answer.ts); the history is append-only, so it goes in with the row. */
export function appendHistory(db: Db, row: BallotRow, split: string | null = null): void {
  if (split === null) run(db, historyInsert(db, ...ballotFields(row)))
  else run(db, db.q.insertInto('ballot_history').values({ ...row, split }))
}

/** The current ballots of an open round with the voter's weight (for the tally). */
export function countedBallots(db: Db, roundId: string): CountedBallot[] {
  return all(
    db,
    db.q
      .selectFrom('ballots as b')
      .innerJoin('round_electorate as e', (j) => j.onRef('e.round_id', '=', 'b.round_id').onRef('e.voter_key', '=', 'b.voter_key'))
      .select(['b.choice', 'e.weight', 'b.split'])
      .where('b.round_id', '=', roundId),
  ).map(counted)
}

function counted(row: { choice: Choice; weight: number; split?: string | null | undefined }): CountedBallot {
  return { choice: row.choice, weight: row.weight, split: row.split ? (JSON.parse(row.split) as Split) : null }
}

export interface AnswerRow {
  voter_key: string
  weight: number
  choice: Choice
  reason: string | null
  cast_at: number
  cast_by: string
  cast_by_name: string
  label: string
  split?: string | null | undefined
}

/** Who answered what in an open (non-secret) round, by voter name. */
export function answersOf(db: Db, roundId: string, electorate: 'initiatives' | 'members'): AnswerRow[] {
  const base = db.q
    .selectFrom('ballots as b')
    .innerJoin('round_electorate as e', (j) => j.onRef('e.round_id', '=', 'b.round_id').onRef('e.voter_key', '=', 'b.voter_key'))
    .innerJoin('people as caster', 'caster.id', 'b.cast_by')
    .select(['b.voter_key', 'e.weight', 'b.choice', 'b.reason', 'b.cast_at', 'b.cast_by', 'caster.name as cast_by_name', 'b.split'])
    .where('b.round_id', '=', roundId)
  return electorate === 'initiatives'
    ? all(db, base.innerJoin('initiatives as i', 'i.id', 'b.voter_key').select('i.name as label').orderBy('i.name'))
    : all(db, base.innerJoin('people as p', 'p.id', 'b.voter_key').select('p.name as label').orderBy('p.name'))
}

export function openParticipation(db: Db, roundId: string): Totals {
  return totals(
    first(
      db,
      db.q
        .selectFrom('ballots as b')
        .innerJoin('round_electorate as e', (j) => j.onRef('e.round_id', '=', 'b.round_id').onRef('e.voter_key', '=', 'b.voter_key'))
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.coalesce(eb.fn.sum<number>('e.weight'), eb.val(0)).as('weight')])
        .where('b.round_id', '=', roundId),
    ),
  )
}

// Secret rounds: participation (who) and secret_ballots (what), never joined.

export function hasParticipated(db: Db, roundId: string, voterKey: string): boolean {
  return first(db, db.q.selectFrom('round_participation').select('voter_key').where('round_id', '=', roundId).where('voter_key', '=', voterKey)) !== undefined
}

export function insertParticipation(db: Db, roundId: string, voterKey: string): void {
  run(db, db.q.insertInto('round_participation').values({ round_id: roundId, voter_key: voterKey }))
}

export function insertSecretBallot(
  db: Db,
  row: { id: string; round_id: string; version_number: number; choice: Choice; reason: string | null; weight: number; split: string | null },
): void {
  run(db, db.q.insertInto('secret_ballots').values(row))
}

export function countedSecretBallots(db: Db, roundId: string): CountedBallot[] {
  return all(db, db.q.selectFrom('secret_ballots').select(['choice', 'weight', 'split']).where('round_id', '=', roundId)).map(counted)
}

/** Reasons given in a secret round, in the table's (random) order: no voter, no time. */
export function secretReasons(db: Db, roundId: string): Array<{ choice: Choice; reason: string }> {
  return all(
    db,
    db.q.selectFrom('secret_ballots').select(['choice', 'reason']).where('round_id', '=', roundId).where('reason', 'is not', null),
  ).map((r) => ({ choice: r.choice, reason: r.reason ?? '' }))
}

export function secretParticipation(db: Db, roundId: string): Totals {
  return totals(
    first(
      db,
      db.q
        .selectFrom('round_participation as p')
        .innerJoin('round_electorate as e', (j) => j.onRef('e.round_id', '=', 'p.round_id').onRef('e.voter_key', '=', 'p.voter_key'))
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.coalesce(eb.fn.sum<number>('e.weight'), eb.val(0)).as('weight')])
        .where('p.round_id', '=', roundId),
    ),
  )
}

/** Of `keys`, the voters that have answered (open or secret round). */
export function answeredKeys(db: Db, roundId: string, secret: boolean, keys: readonly string[]): Set<string> {
  if (keys.length === 0) return new Set()
  const rows = secret
    ? all(db, db.q.selectFrom('round_participation').select('voter_key').where('round_id', '=', roundId).where('voter_key', 'in', keys))
    : all(db, db.q.selectFrom('ballots').select('voter_key').where('round_id', '=', roundId).where('voter_key', 'in', keys))
  return new Set(rows.map((r) => r.voter_key))
}

function totals(row: { count: number | string; weight: number | string } | undefined): Totals {
  return { count: Number(row?.count ?? 0), weight: Number(row?.weight ?? 0) }
}

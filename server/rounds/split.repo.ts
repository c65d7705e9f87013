import type { Db } from '../../db/connection.ts'
import { first, run } from '../../db/query.ts'

// The split of a ballot in an open round, kept next to its answer (see split-answer.ts); the
// history row gets it when it is appended (ballot.repo.ts appendHistory).

/** Sets the split (or none) of a voter's current ballot. */
export function storeSplit(db: Db, roundId: string, voterKey: string, split: string | null): void {
  run(db, db.q.updateTable('ballots').set({ split }).where('round_id', '=', roundId).where('voter_key', '=', voterKey))
}

export function splitOf(db: Db, roundId: string, voterKey: string): string | null {
  return first(db, db.q.selectFrom('ballots').select('split').where('round_id', '=', roundId).where('voter_key', '=', voterKey))?.split ?? null
}

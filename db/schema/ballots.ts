import type { Generated, Selectable } from 'kysely'

/** Same strings as shared/rules/choices.ts (db/ imports nothing of ours). */
export type BallotChoice = 'consent' | 'concern' | 'stand_aside' | 'objection' | 'yes' | 'no' | 'abstain'

/** The current answer of each voter in an open (non-secret) round; one row per voter. */
export interface BallotsTable {
  round_id: string
  voter_key: string
  version_number: number
  choice: BallotChoice
  reason: string | null
  cast_by: string
  cast_at: number
  /** A split vote as JSON ({"yes":2,"abstain":1}); then `choice` is its largest part. */
  split?: string | null
}

/** Every answer ever given in open rounds (append-only). */
export interface BallotHistoryTable {
  id: Generated<number>
  round_id: string
  voter_key: string
  version_number: number
  choice: BallotChoice
  reason: string | null
  cast_by: string
  cast_at: number
  /** A split vote as JSON ({"yes":2,"abstain":1}); then `choice` is its largest part. */
  split?: string | null
}

/** Secret rounds: who voted. Nothing here says what. */
export interface RoundParticipationTable {
  round_id: string
  voter_key: string
}

/**
 * Secret rounds: what was voted. Nothing here says who or when: the id is random and the table
 * is WITHOUT ROWID, so rows carry no insertion order either.
 */
export interface SecretBallotsTable {
  id: string
  round_id: string
  version_number: number
  choice: BallotChoice
  reason: string | null
  weight: number
  /** A split vote as JSON, see BallotsTable. */
  split?: string | null
}

/** `split` is read where splits are known (server/rounds/split.repo.ts). */
export type BallotRow = Omit<Selectable<BallotsTable>, 'split'>
export type BallotHistoryRow = Omit<Selectable<BallotHistoryTable>, 'split'>
export type SecretBallotRow = Omit<Selectable<SecretBallotsTable>, 'split'>
export interface PartialDB {
  ballots: BallotsTable
  ballot_history: BallotHistoryTable
  round_participation: RoundParticipationTable
  secret_ballots: SecretBallotsTable
}

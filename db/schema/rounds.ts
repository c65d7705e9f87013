import type { Generated, Selectable } from 'kysely'

export type RoundStatus = 'open' | 'closed'

/** A consent round or vote on one version. Settings never change; a closed round never changes. */
export interface RoundsTable {
  id: string
  position_id: string
  version_number: number
  kind: 'consent' | 'vote'
  electorate: 'initiatives' | 'members'
  /** Only for votes. */
  majority: 'simple' | 'two_thirds' | 'absolute' | null
  /** Quorum in basis points (5000 = 50 %), see shared/rules/quorum.ts. */
  quorum_bp: number
  secret: number
  opened_by: string
  opened_at: number
  closes_at: number
  status: Generated<RoundStatus>
  closed_at: number | null
  /** null when the deadline closed the round. */
  closed_by: string | null
  outcome: 'adopted' | 'rejected' | 'no_quorum' | null
  /** JSON of shared/rules/outcome.ts RoundResult, stored in the same write that closes the round. */
  result: string | null
}

/** Who may vote in a round and with which weight, snapshotted at opening. */
export interface RoundElectorateTable {
  round_id: string
  /** An initiative id (electorate "initiatives") or a person id (electorate "members"). */
  voter_key: string
  weight: number
}

export type RoundRow = Selectable<RoundsTable>
export type RoundElectorateRow = Selectable<RoundElectorateTable>
export interface PartialDB {
  rounds: RoundsTable
  round_electorate: RoundElectorateTable
}

import type { Generated, Selectable } from 'kysely'

export type RoundStatus = 'open' | 'closed' | 'cancelled'

/** Same strings as shared/rules/visibility.ts. */
export type RoundVisibility = 'open' | 'until_close' | 'secret'

/**
 * A consent round or vote on one version. Settings never change, except that the deadline may
 * move later while the round is open (see round_extensions); a closed or cancelled round never changes.
 */
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
  /** 1 exactly when visibility is 'secret'. */
  secret: number
  visibility: RoundVisibility
  /** Set when the deadline was under 24 hours away at opening: why, shown to voters. */
  short_notice_reason: string | null
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
  cancelled_at: number | null
  cancelled_by: string | null
  cancel_reason: string | null
  /** 1: initiatives with a weight above 1 may split it among answers (set at opening). */
  allow_split: Generated<number>
}

/** Each time a coordinator moved the deadline of an open round later, and why. */
export interface RoundExtensionsTable {
  id: Generated<number>
  round_id: string
  previous_closes_at: number
  closes_at: number
  reason: string
  extended_by: string
  extended_at: number
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
export type RoundExtensionRow = Selectable<RoundExtensionsTable>
export interface PartialDB {
  rounds: RoundsTable
  round_electorate: RoundElectorateTable
  round_extensions: RoundExtensionsTable
}

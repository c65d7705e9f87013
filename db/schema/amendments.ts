import type { Generated, Selectable } from 'kysely'

/** Same strings as server/amendments (db/ imports nothing of ours). */
export type AmendmentStatus = 'open' | 'taken_over' | 'rejected' | 'adopted' | 'refused' | 'merged' | 'conflict' | 'obsolete'

/** A proposed replacement of one passage of a version (Änderungsantrag Ä<number>). */
export interface AmendmentsTable {
  id: string
  position_id: string
  number: number
  version_number: number
  /** ProseMirror positions in the version's text. */
  from_pos: number
  to_pos: number
  /** The passage as the version has it. */
  quote: string
  /** JSON array of ProseMirror block nodes; [] deletes the passage. */
  content: string
  /** The replacement as plain text (paragraphs separated by blank lines). */
  text: string
  reason: string
  author_id: string | null
  initiative_id: string | null
  status: Generated<AmendmentStatus>
  created_at: number
  decided_by: string | null
  decided_at: number | null
  decision_reason: string | null
  round_id: string | null
  merged_at: number | null
  merged_by: string | null
  /** Why a merge stopped (conflict) or what made it obsolete. */
  merge_note: string | null
  obsoleted_by: string | null
  /** The first version frozen after the merge: the one that contains it. */
  in_version: number | null
}

export interface AmendmentSupportsTable {
  amendment_id: string
  initiative_id: string
  person_id: string | null
  created_at: number
}

export interface AmendmentRoundsTable {
  id: string
  position_id: string
  electorate: 'initiatives' | 'members'
  majority: 'simple' | 'two_thirds' | 'absolute'
  quorum_bp: number
  secret: number
  /** 1 when the coordinator ordered overlapping amendments: voted and merged in `ord` order. */
  ordered: number
  /** Why a deadline under 24 hours was chosen ("kurzfristig"); null otherwise. Shown to voters. */
  short_notice_reason: string | null
  opened_by: string | null
  opened_at: number
  /** Moves only later (amendment_round_extensions keeps each move). */
  closes_at: number
  status: Generated<'open' | 'closed' | 'cancelled'>
  closed_at: number | null
  closed_by: string | null
  cancelled_at: number | null
  cancelled_by: string | null
  cancel_reason: string | null
}

export interface AmendmentRoundExtensionsTable {
  id: Generated<number>
  round_id: string
  previous_closes_at: number
  closes_at: number
  reason: string
  extended_by: string | null
  extended_at: number
}

export interface AmendmentProxyUsesTable {
  proxy_id: string
  round_id: string
  initiative_id: string
}

export interface AmendmentRoundRemindersTable {
  id: Generated<number>
  round_id: string
  kind: 'closing_soon' | 'nudge'
  sent_by: string | null
  sent_at: number
  recipients: number
}

export interface AmendmentRoundItemsTable {
  round_id: string
  amendment_id: string
  ord: number
  outcome: 'adopted' | 'rejected' | 'no_quorum' | null
  /** JSON of shared/rules/outcome.ts RoundResult for this amendment, stored at close. */
  result: string | null
}

export interface AmendmentRoundElectorateTable {
  round_id: string
  voter_key: string
  weight: number
}

export interface AmendmentBallotsTable {
  round_id: string
  voter_key: string
  amendment_id: string
  choice: 'yes' | 'no' | 'abstain'
  cast_by: string | null
  cast_at: number
}

export interface AmendmentRoundParticipationTable {
  round_id: string
  voter_key: string
}

export interface AmendmentSecretBallotsTable {
  id: string
  round_id: string
  amendment_id: string
  choice: 'yes' | 'no' | 'abstain'
  weight: number
}

export type AmendmentRow = Selectable<AmendmentsTable>
export type AmendmentRoundRow = Selectable<AmendmentRoundsTable>
export type AmendmentRoundItemRow = Selectable<AmendmentRoundItemsTable>
export interface PartialDB {
  amendments: AmendmentsTable
  amendment_supports: AmendmentSupportsTable
  amendment_rounds: AmendmentRoundsTable
  amendment_round_items: AmendmentRoundItemsTable
  amendment_round_electorate: AmendmentRoundElectorateTable
  amendment_ballots: AmendmentBallotsTable
  amendment_round_participation: AmendmentRoundParticipationTable
  amendment_secret_ballots: AmendmentSecretBallotsTable
  amendment_round_extensions: AmendmentRoundExtensionsTable
  amendment_round_reminders: AmendmentRoundRemindersTable
  amendment_proxy_uses: AmendmentProxyUsesTable
}

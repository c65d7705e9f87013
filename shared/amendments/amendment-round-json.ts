import type { RoundResult } from '../rules/outcome.ts'

/** An amendment round as the API and its ballot page show it. */
export interface AmendmentRoundJson {
  id: string
  kind: 'amendments'
  positionId: string
  electorate: 'initiatives' | 'members'
  majority: string
  quorum: number
  secret: boolean
  ordered: boolean
  openedAt: string
  closesAt: string
  /** A round past its deadline reads as closed, with the results its close will store. A cancelled round has no results. */
  status: 'open' | 'closed' | 'cancelled'
  closedAt: string | null
  /** Why the deadline is under 24 hours from the opening ("kurzfristig"); null otherwise. */
  shortNoticeReason: string | null
  /** Each move of the deadline, oldest first. */
  extensions: Array<{ from: string; to: string; at: string; reason: string }>
  cancelledAt: string | null
  cancelReason: string | null
  voters: { count: number; weight: number }
  answered: number
  /** While the round is open: who has not answered yet (at most 500; null afterwards), as for any round. */
  notYetAnswered: Array<{ id: string; name: string; delegates: Array<{ id: string; name: string; proxy?: true }> }> | null
  notYetAnsweredCount: number | null
  amendments: Array<{ id: string; number: number; quote: string; text: string; status: string; outcome: string | null; result: RoundResult | null }>
  /** The caller's current answers (open, non-secret rounds), per voter they may answer for. */
  myBallots: Array<{ voterKey: string; choices: Record<string, string> }>
}

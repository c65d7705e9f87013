import type { PositionRow, PositionStatus, RoundRow } from '../../db/schema/index.ts'
import { isDue } from '../../shared/rules/round-clock.ts'
import type { Deps } from '../deps.ts'
import { countResult, timing } from './close-round.ts'
import { openRoundOfPosition } from './round.repo.ts'

// Reads do not write: a round past its deadline that the deadline job (or a write) has not closed
// yet reads as closed, with the result and the position status the close will store
// (close-round.ts, closeInTransaction). Closing stays with the job and the write paths.

/** The round as it is now: stored, or (past its deadline) as its close will store it. */
export function effectiveRound(deps: Deps, round: RoundRow): RoundRow {
  if (!isDue(timing(round), deps.now())) return round
  const result = countResult(deps, round)
  return { ...round, status: 'closed', closed_at: round.closes_at, closed_by: null, outcome: result.outcome, result: JSON.stringify(result) }
}

/** The status of a position as it is now: a due round's close moves it on (adopted, or back to drafting). */
export function effectiveStatus(deps: Deps, positionId: string, stored: string): { status: PositionStatus; readonly: boolean; at: number } | null {
  if (stored !== 'in_round') return null
  const open = openRoundOfPosition(deps.db, positionId)
  if (!open || !isDue(timing(open), deps.now())) return null
  const adopted = countResult(deps, open).outcome === 'adopted'
  return { status: adopted ? 'adopted' : 'drafting', readonly: adopted, at: open.closes_at }
}

/** The position as it is now (see effectiveStatus). */
export function effectivePosition(deps: Deps, position: PositionRow): PositionRow {
  const now = effectiveStatus(deps, position.id, position.status)
  return now ? { ...position, status: now.status, draft_readonly: now.readonly ? 1 : 0, updated_at: now.at } : position
}

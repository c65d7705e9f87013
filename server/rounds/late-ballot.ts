import type { Context } from 'hono'
import { AppError } from '../../shared/errors.ts'
import { formatDateTime } from '../../web/views/positions/format-time.ts'
import type { Deps } from '../deps.ts'
import type { AppEnv } from '../http/app-env.ts'
import { getAmendmentRound } from '../amendments/amendment-round.repo.ts'
import { getRound } from './round.repo.ts'

/**
 * When a round (on a version or on amendments) ended, for telling a voter whose answer came too late: the deadline when the
 * deadline closed it, the moment a coordinator closed or cancelled it otherwise.
 */
export function roundEnd(deps: Deps, roundId: string): { at: number; cancelled: boolean } | null {
  // Both kinds of round keep the same columns for how they ended.
  const round = getRound(deps.db, roundId) ?? getAmendmentRound(deps.db, roundId)
  if (!round) return null
  if (round.status === 'cancelled') return { at: round.cancelled_at ?? round.closes_at, cancelled: true }
  if (round.status === 'closed' && round.closed_by !== null) return { at: round.closed_at ?? round.closes_at, cancelled: false }
  return { at: round.closes_at, cancelled: false }
}

/** The words for a ballot refused because the round had ended: when, and that it was not counted. */
export function lateMessage(c: Context<AppEnv>, roundId: string): string | null {
  const end = roundEnd(c.get('deps'), roundId)
  if (!end) return null
  const date = formatDateTime(end.at, c.get('locale'))
  return c.get('t')(end.cancelled ? 'rounds.late.cancelled' : 'rounds.late.ended', { date })
}

/** Runs a ballot; a `round_closed` refusal gets a message that says when the round ended (code unchanged). */
export async function withLateMessage<T>(c: Context<AppEnv>, roundId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof AppError && error.code === 'round_closed') throw new AppError('round_closed', lateMessage(c, roundId) ?? undefined, error.field)
    throw error
  }
}

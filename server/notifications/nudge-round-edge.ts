import type { Context } from 'hono'
import { AppError } from '../../shared/errors.ts'
import { formatDateTime } from '../../web/views/positions/format-time.ts'
import { requirePerson } from '../auth/guards.ts'
import type { AppEnv } from '../http/app-env.ts'
import { nextNudgeAt, nudgeRound } from './reminders.ts'

/**
 * The nudge for both routes (API and form): a refusal because the last nudge is too recent says
 * from when the next one is possible, in the person's language and time zone (code unchanged).
 */
export function nudgeFromRequest(c: Context<AppEnv>, roundId: string): number {
  const { actor } = requirePerson(c)
  try {
    return nudgeRound(c.get('deps'), actor, roundId)
  } catch (error) {
    const at = error instanceof AppError && error.code === 'nudge_too_soon' ? nextNudgeAt(c.get('deps'), roundId) : null
    if (at !== null) throw new AppError('nudge_too_soon', c.get('t')('error.nudge_too_soon', { date: formatDateTime(at, c.get('locale')) }))
    throw error
  }
}

import { fail } from '../../shared/errors.ts'
import { MAX_ROUND_MS } from './open-round.ts'

// What a coordinator may change on any open round (on a version or on amendments) and the
// checks of their input, in one place so both kinds refuse the same things the same way.

/** Longest reason for a cancellation or extension. */
export const CHANGE_REASON_MAX = 1000

/** The reason of an extension or cancellation, trimmed; refused when empty or too long. */
export function changeReason(raw: string): string {
  const reason = raw.trim()
  if (!reason || reason.length > CHANGE_REASON_MAX) fail('validation', undefined, 'reason')
  return reason
}

/** A new deadline must be later than the current one and within the longest a round may run from its opening. */
export function checkLaterDeadline(round: { opened_at: number; closes_at: number }, closesAt: number): void {
  if (!Number.isFinite(closesAt) || closesAt <= round.closes_at || closesAt > round.opened_at + MAX_ROUND_MS) fail('validation', undefined, 'newClosesAt')
}

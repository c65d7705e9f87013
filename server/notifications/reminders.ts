import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from '../positions/position.repo.ts'
import { getAmendmentRound } from '../amendments/amendment-round.repo.ts'
import { getRound } from '../rounds/round.repo.ts'
import { lastReminder, recordReminder, roundsToRemind } from './notification.repo.ts'
import { queueNotification } from './queue-notification.ts'

/** The reminder goes out this long before the deadline; a round shorter than this gets none. */
export const REMIND_BEFORE_MS = 24 * 3600_000
/** A coordinator may nudge the missing ones of a round at most this often. */
export const NUDGE_INTERVAL_MS = 6 * 3600_000

/** Queues the "closing soon" reminder of every open round within a day of its deadline, once per round. */
export function remindClosingRounds(deps: Deps): number {
  let reminded = 0
  for (const round of roundsToRemind(deps.db, deps.now(), REMIND_BEFORE_MS)) {
    transaction(deps.db, () => {
      // Checked again under the write lock: two passes never remind twice.
      if (!roundsToRemind(deps.db, deps.now(), REMIND_BEFORE_MS).some((r) => r.id === round.id)) return
      const recipients = queueNotification(deps, 'closing_soon', { roundId: round.id })
      recordReminder(deps.db, round, { kind: 'closing_soon', sent_by: null, sent_at: deps.now(), recipients })
      reminded++
    })
  }
  return reminded
}

/** When the next nudge of a round is allowed (null: now). */
export function nextNudgeAt(deps: Pick<Deps, 'db'>, roundId: string): number | null {
  const last = lastReminder(deps.db, { id: roundId, amendments: getRound(deps.db, roundId) === undefined }, 'nudge')
  return last === null ? null : last + NUDGE_INTERVAL_MS
}

/** A coordinator reminds those whose answer is missing, at most once every 6 hours per round. Returns how many were reminded. */
export function nudgeRound(deps: Deps, actor: Actor, roundId: string): number {
  return transaction(deps.db, () => {
    // Rounds on a version and amendment rounds alike: both keep these columns.
    const onVersion = getRound(deps.db, roundId)
    const round = onVersion ?? getAmendmentRound(deps.db, roundId) ?? fail('not_found')
    const which = { id: roundId, amendments: onVersion === undefined }
    const position = getPosition(deps.db, round.position_id) ?? fail('not_found')
    if (!can(actor, { type: 'round.nudge', groupId: position.group_id })) fail('forbidden')
    if (round.status !== 'open' || round.closes_at <= deps.now()) fail('round_closed')
    const last = lastReminder(deps.db, which, 'nudge')
    if (last !== null && deps.now() - last < NUDGE_INTERVAL_MS) fail('nudge_too_soon')
    const recipients = queueNotification(deps, 'nudge', { roundId })
    recordReminder(deps.db, which, { kind: 'nudge', sent_by: actor.id, sent_at: deps.now(), recipients })
    return recipients
  })
}

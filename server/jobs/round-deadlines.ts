import type { Deps } from '../deps.ts'
import { closeDueAmendmentRounds } from '../amendments/close-amendment-round.ts'
import { nextAmendmentDeadline } from '../amendments/amendment-round.repo.ts'
import { closeDueRounds } from '../rounds/close-round.ts'
import { nextDeadline } from '../rounds/round.repo.ts'

export interface RoundDeadlines {
  /** Checks at once instead of at the armed time: the clock was moved (the e2e harness's clock). */
  wake(): void
  stop(): void
}

export interface RoundDeadlineOptions {
  /**
   * Longest sleep between checks. The timer is armed for the earliest deadline, but a round
   * opened after arming may end sooner; waking at least this often catches it. Correctness does
   * not depend on it: reads show a due round as closed, and writes close it first.
   */
  maxSleepMs?: number
}

/** Node's setTimeout overflows above 2^31 − 1 ms (about 24.8 days). */
const MAX_TIMEOUT = 2_147_483_647

/**
 * Closes rounds (on a version and on amendments) when their deadline passes. Runs once at start, so rounds that ended while the
 * server was down close right after a restart, then re-arms itself for the next deadline.
 */
export function startRoundDeadlines(deps: Deps, options: RoundDeadlineOptions = {}): RoundDeadlines {
  const maxSleep = Math.min(options.maxSleepMs ?? 60_000, MAX_TIMEOUT)
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const tick = () => {
    timer = undefined
    if (stopped) return
    try {
      const closed = closeDueRounds(deps) + closeDueAmendmentRounds(deps)
      if (closed > 0) deps.log.info('rounds closed at their deadline', { closed })
    } catch (error) {
      deps.log.error('closing due rounds failed', { error })
    }
    if (stopped) return
    let next = maxSleep
    try {
      // Rounds on a version and amendment rounds keep their deadlines in their own tables.
      const deadlines = [nextDeadline(deps.db), nextAmendmentDeadline(deps.db)].filter((d): d is number => d !== null)
      const deadline = deadlines.length > 0 ? Math.min(...deadlines) : null
      if (deadline !== null) next = Math.max(0, Math.min(maxSleep, deadline - deps.now()))
    } catch (error) {
      deps.log.error('reading the next round deadline failed', { error })
    }
    timer = setTimeout(tick, next)
    // The timer alone must not keep the process alive (tests, CLI, graceful shutdown).
    timer.unref?.()
  }

  tick()
  return {
    wake: () => {
      if (stopped) return
      if (timer) clearTimeout(timer)
      tick()
    },
    stop: () => {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = undefined
    },
  }
}

/** A controllable clock for deps.now: tests move time instead of waiting. */
export interface TestClock {
  now: () => number
  set(ms: number): void
  advance(ms: number): void
}

export function testClock(start = Date.parse('2026-11-21T10:00:00Z')): TestClock {
  let t = start
  return {
    now: () => t,
    set: (ms) => void (t = ms),
    advance: (ms) => void (t += ms),
  }
}

/** The real clock plus an offset a test can add to: time keeps flowing, and a test can jump ahead. */
export interface MovableClock {
  now: () => number
  /** Moves the clock forward by `ms` (never back: deadlines and sessions assume time only grows). */
  advance(ms: number): void
}

/** For a whole running server (the e2e clock server), where timers and sessions still need real time to pass. */
export function movableClock(): MovableClock {
  let offset = 0
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`the clock only moves forward, got ${ms} ms`)
      offset += ms
    },
  }
}

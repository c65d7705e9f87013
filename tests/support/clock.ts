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

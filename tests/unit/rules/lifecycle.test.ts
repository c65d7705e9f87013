import { describe, expect, it } from 'vitest'
import { canArchive, canTransition, draftReadonlyIn, nextStatus, type LifecycleEvent, type LifecycleStatus } from '../../../shared/rules/lifecycle.ts'
import { isClosed, isDue } from '../../../shared/rules/round-clock.ts'

describe('position lifecycle', () => {
  it.each<[LifecycleStatus, LifecycleEvent, LifecycleStatus | null]>([
    ['drafting', 'open_round', 'in_round'],
    ['in_round', 'close_adopted', 'adopted'],
    ['in_round', 'close_not_adopted', 'drafting'],
    ['in_round', 'cancel', 'drafting'],
    ['drafting', 'cancel', null],
    ['adopted', 'cancel', null],
    ['adopted', 'publish', 'published'],
    ['published', 'withdraw', 'withdrawn'],
    ['in_round', 'open_round', null],
    ['adopted', 'open_round', null],
    ['drafting', 'publish', null],
    ['drafting', 'close_adopted', null],
    ['withdrawn', 'publish', null],
    ['published', 'open_round', null],
  ])('%s --%s--> %s', (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to)
  })

  it.each<[LifecycleStatus, LifecycleStatus | null]>([
    ['drafting', 'drafting'],
    ['in_round', null],
    ['adopted', 'adopted'],
    ['published', 'published'],
    ['withdrawn', 'withdrawn'],
  ])('archives a position in %s, keeping its status (%s), but never during a round', (status, after) => {
    expect(nextStatus(status, 'archive')).toBe(after)
    expect(canArchive(status)).toBe(after !== null)
  })

  it('knows which status pairs are allowed', () => {
    expect(canTransition('in_round', 'drafting')).toBe(true)
    expect(canTransition('drafting', 'adopted')).toBe(false)
  })

  it.each<[LifecycleStatus, boolean]>([
    ['drafting', false],
    ['in_round', true],
    ['adopted', true],
    ['published', true],
    ['withdrawn', true],
  ])('draft read-only in %s: %s', (status, readonly) => {
    expect(draftReadonlyIn(status)).toBe(readonly)
  })
})

describe('round deadline', () => {
  const closesAt = 1_000_000
  it.each([
    ['open', closesAt - 1, false, false],
    ['open', closesAt, true, true], // the deadline itself is too late
    ['open', closesAt + 1, true, true],
    ['closed', closesAt - 1, true, false],
    ['cancelled', closesAt - 1, true, false],
    ['cancelled', closesAt + 1, true, false], // a cancelled round is never closed by its deadline
  ] as const)('%s round at %i: closed %s, due %s', (status, now, closed, due) => {
    expect(isClosed({ status, closesAt }, now)).toBe(closed)
    expect(isDue({ status, closesAt }, now)).toBe(due)
  })
})

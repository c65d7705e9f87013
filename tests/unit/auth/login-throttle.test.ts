import { describe, expect, it } from 'vitest'
import { DEFAULT_THROTTLE, LoginThrottle } from '../../../server/auth/login-throttle.ts'
import { testClock } from '../../support/clock.ts'

const MINUTE = 60_000

function setup() {
  const clock = testClock()
  return { clock, throttle: new LoginThrottle(clock.now) }
}

function failTimes(throttle: LoginThrottle, n: number, email: string, ip: string) {
  for (let i = 0; i < n; i++) throttle.recordFailure(email, ip)
}

describe('login throttle', () => {
  it('lets a few mistakes pass without waiting', () => {
    const { throttle } = setup()
    failTimes(throttle, DEFAULT_THROTTLE.account.freeFailures, 'a@example.org', '10.0.0.1')
    expect(throttle.waitMs('a@example.org', '10.0.0.1')).toBe(0)
  })

  it('makes the wait grow with each further failure', () => {
    const { throttle, clock } = setup()
    failTimes(throttle, DEFAULT_THROTTLE.account.freeFailures + 1, 'a@example.org', '10.0.0.1')
    const first = throttle.waitMs('a@example.org', '10.0.0.1')
    expect(first).toBeGreaterThan(0)
    clock.advance(first)
    throttle.recordFailure('a@example.org', '10.0.0.1')
    const second = throttle.waitMs('a@example.org', '10.0.0.1')
    expect(second).toBeGreaterThan(first)
  })

  it('never makes a person wait more than 15 minutes, however many failures', () => {
    const { throttle, clock } = setup()
    for (let i = 0; i < 60; i++) {
      throttle.recordFailure('a@example.org', `10.0.${i}.1`)
      expect(throttle.waitMs('a@example.org', '192.168.1.1')).toBeLessThanOrEqual(15 * MINUTE)
      clock.advance(throttle.waitMs('a@example.org', '192.168.1.1'))
    }
    clock.advance(15 * MINUTE)
    expect(throttle.waitMs('a@example.org', '192.168.1.1')).toBe(0)
  })

  it('is case-insensitive in the email', () => {
    const { throttle } = setup()
    failTimes(throttle, 10, 'A@Example.org ', '10.0.0.1')
    expect(throttle.waitMs('a@example.org', '10.0.0.2')).toBeGreaterThan(0)
  })

  it('throttles an address that tries many accounts, but not other addresses', () => {
    const { throttle } = setup()
    for (let i = 0; i <= DEFAULT_THROTTLE.ip.freeFailures; i++) throttle.recordFailure(`person${i}@example.org`, '203.0.113.9')
    expect(throttle.waitMs('fresh@example.org', '203.0.113.9')).toBeGreaterThan(0)
    expect(throttle.waitMs('fresh@example.org', '203.0.113.10')).toBe(0)
  })

  it('clears the account after a successful login, but not the address', () => {
    const { throttle } = setup()
    failTimes(throttle, 8, 'a@example.org', '10.0.0.1')
    for (let i = 0; i < DEFAULT_THROTTLE.ip.freeFailures; i++) throttle.recordFailure(`x${i}@example.org`, '10.0.0.1')
    throttle.recordSuccess('a@example.org')
    expect(throttle.waitMs('a@example.org', '10.0.0.2')).toBe(0)
    expect(throttle.waitMs('a@example.org', '10.0.0.1')).toBeGreaterThan(0)
  })

  it('forgets old failures after a day', () => {
    const { throttle, clock } = setup()
    failTimes(throttle, 8, 'a@example.org', '10.0.0.1')
    clock.advance(DEFAULT_THROTTLE.forgetAfterMs)
    throttle.recordFailure('a@example.org', '10.0.0.1')
    expect(throttle.waitMs('a@example.org', '10.0.0.1')).toBe(0)
  })

  it('keeps its memory bounded under a flood of different emails', () => {
    const clock = testClock()
    const throttle = new LoginThrottle(clock.now, { ...DEFAULT_THROTTLE, maxEntries: 100 })
    for (let i = 0; i < 1000; i++) throttle.recordFailure(`flood${i}@example.org`, `10.1.${i >> 8}.${i & 255}`)
    expect(throttle.size.accounts).toBeLessThanOrEqual(100)
    expect(throttle.size.ips).toBeLessThanOrEqual(100)
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startRoundDeadlines } from '../../../server/jobs/round-deadlines.ts'
import { buildRoundWorld, HOUR, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => {
  vi.useRealTimers()
  t.close()
})

// Read the row directly: reading through the API would close a due round by itself.
const statusOf = (id: string) => (t.db.sqlite.prepare('select status from rounds where id = ?').get(id) as { status: string }).status

describe('the deadline job', () => {
  it('closes rounds that ended while the server was down as soon as it starts', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + HOUR).toISOString(), shortNotice: { reason: 'Frist läuft heute ab.' } })
    t.clock.advance(2 * HOUR)
    const job = startRoundDeadlines(t.deps)
    expect(statusOf(id)).toBe('closed')
    expect(t.db.sqlite.prepare('select status from positions where id = ?').get(world.positionId)).toEqual({ status: 'drafting' })
    job.stop()
  })

  it('wakes up for the next deadline and closes the round then', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + 90_000).toISOString(), shortNotice: { reason: 'Frist läuft heute ab.' } })
    await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    vi.useFakeTimers()
    const job = startRoundDeadlines(t.deps, { maxSleepMs: 60_000 })
    t.clock.advance(60_000)
    vi.advanceTimersByTime(60_000)
    expect(statusOf(id)).toBe('open')
    t.clock.advance(30_000)
    vi.advanceTimersByTime(30_000)
    expect(statusOf(id)).toBe('closed')
    job.stop()
  })

  it('stops when told to', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + 30_000).toISOString(), shortNotice: { reason: 'Frist läuft heute ab.' } })
    vi.useFakeTimers()
    const job = startRoundDeadlines(t.deps, { maxSleepMs: 60_000 })
    job.stop()
    t.clock.advance(60_000)
    vi.advanceTimersByTime(120_000)
    expect(statusOf(id)).toBe('open')
  })

  it('closes a due round at once when woken after the clock moved, without waiting for its timer', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + HOUR).toISOString(), shortNotice: { reason: 'Frist läuft heute ab.' } })
    vi.useFakeTimers()
    const job = startRoundDeadlines(t.deps, { maxSleepMs: 60_000 })
    t.clock.advance(2 * HOUR)
    expect(statusOf(id)).toBe('open')
    job.wake()
    expect(statusOf(id)).toBe('closed')
    job.stop()
  })
})

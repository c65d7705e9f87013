import { describe, expect, it } from 'vitest'
import { FlowControl, type FlowLink } from '../../../server/sync/flow-control.ts'
import type { SyncTimers } from '../../../server/sync/sync-core-options.ts'

/** A connection's socket as flow control sees it: queued bytes set by the test, pauses recorded. */
function fakeLink(positionId: string) {
  const link = {
    positionId,
    queued: 0,
    paused: false,
    dropped: false,
    queuedBytes: () => link.queued,
    pause: () => void (link.paused = true),
    resume: () => void (link.paused = false),
    drop: () => void (link.dropped = true),
  }
  return link satisfies FlowLink
}

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, () => void>()
  let next = 1
  const timers: SyncTimers = {
    setTimeout: (fn) => (pending.set(next, fn), next++),
    clearTimeout: (handle) => void pending.delete(handle as number),
  }
  return { timers, fireAll: () => [...pending.entries()].forEach(([id, fn]) => (pending.delete(id), fn())), count: () => pending.size }
}

describe('FlowControl (read-side backpressure)', () => {
  const HIGH = 1000

  it("stops reading every socket of a draft while one receiver's queue is over the mark, and resumes once it drained", () => {
    const { timers } = manualTimers()
    const flow = new FlowControl({ highWaterBytes: HIGH, slowReceiverMs: 5000, timers })
    const writer = fakeLink('a')
    const reader = fakeLink('a')
    const elsewhere = fakeLink('b')
    for (const link of [writer, reader, elsewhere]) flow.add(link)

    reader.queued = HIGH // at the mark: still fine
    flow.queued(reader)
    expect(writer.paused).toBe(false)
    reader.queued = HIGH + 1
    flow.queued(reader)
    expect([writer.paused, reader.paused, elsewhere.paused]).toEqual([true, true, false])
    expect(flow.isPaused('a')).toBe(true)
    // A connection joining meanwhile is not read either.
    const late = fakeLink('a')
    flow.add(late)
    expect(late.paused).toBe(true)

    reader.queued = HIGH + 1
    flow.drained(reader) // a drain that left it over the mark changes nothing
    expect(writer.paused).toBe(true)
    reader.queued = 0
    flow.drained(reader)
    expect([writer.paused, reader.paused, late.paused]).toEqual([false, false, false])
    expect(flow.isPaused('a')).toBe(false)
  })

  it('waits for every receiver over the mark, and a closed one no longer holds the draft up', () => {
    const { timers } = manualTimers()
    const flow = new FlowControl({ highWaterBytes: HIGH, slowReceiverMs: 5000, timers })
    const writer = fakeLink('a')
    const slow1 = fakeLink('a')
    const slow2 = fakeLink('a')
    for (const link of [writer, slow1, slow2]) flow.add(link)
    slow1.queued = slow2.queued = HIGH * 2
    flow.queued(slow1)
    flow.queued(slow2)
    slow1.queued = 0
    flow.drained(slow1)
    expect(writer.paused).toBe(true)
    flow.remove(slow2) // its socket closed
    expect(writer.paused).toBe(false)
  })

  it('drops a receiver that stays over the mark too long, and reading goes on', () => {
    const clock = manualTimers()
    const flow = new FlowControl({ highWaterBytes: HIGH, slowReceiverMs: 5000, timers: clock.timers })
    const writer = fakeLink('a')
    const stalled = fakeLink('a')
    flow.add(writer)
    flow.add(stalled)
    stalled.queued = HIGH * 10
    flow.queued(stalled)
    expect(writer.paused).toBe(true)
    clock.fireAll()
    expect(stalled.dropped).toBe(true)
    expect(writer.paused).toBe(false)
    expect(writer.dropped).toBe(false)
  })

  it('does not drop a receiver that drained in time', () => {
    const clock = manualTimers()
    const flow = new FlowControl({ highWaterBytes: HIGH, slowReceiverMs: 5000, timers: clock.timers })
    const reader = fakeLink('a')
    flow.add(reader)
    reader.queued = HIGH * 2
    flow.queued(reader)
    reader.queued = 0
    flow.drained(reader)
    expect(clock.count()).toBe(0)
    clock.fireAll()
    expect(reader.dropped).toBe(false)
  })
})

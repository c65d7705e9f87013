import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startRoundDeadlines } from '../../../server/jobs/round-deadlines.ts'
import { ALLE, BEZAHLBAR, buildAmendmentWorld, openAmendmentRoundVia, proposeAmendment, voteOnAmendments } from '../../support/amendment-round-world.ts'
import { DAY, HOUR } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => {
  vi.useRealTimers()
  t.close()
})

// Read the rows directly: reading through the API would show a due round as closed without storing it.
const stored = (id: string) => t.db.sqlite.prepare('select status, closed_at, closed_by from amendment_rounds where id = ?').get(id) as { status: string; closed_at: number | null; closed_by: string | null }
const items = (id: string) => t.db.sqlite.prepare('select amendment_id, outcome, result from amendment_round_items where round_id = ? order by ord').all(id) as Array<{ amendment_id: string; outcome: string | null; result: string | null }>
const statusOf = (amendmentId: string) => (t.db.sqlite.prepare('select status from amendments where id = ?').get(amendmentId) as { status: string }).status

describe('the deadline job and amendment rounds', () => {
  it('closes an amendment round that ended while the server was down as soon as it starts, storing each result at the deadline', async () => {
    const w = await buildAmendmentWorld(t)
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const a2 = await proposeAmendment(w, BEZAHLBAR, 'teuren')
    const closesAt = t.clock.now() + 2 * DAY
    const id = await openAmendmentRoundVia(t, w, [a1, a2], { closesAt: new Date(closesAt).toISOString() })
    // Weight 3 + 1 yes on Ä1, no on Ä2: quorum 4 of 6.
    for (const d of [0, 1]) expect((await voteOnAmendments(w, d, id, { [a1]: 'yes', [a2]: 'no' })).status).toBe(200)
    t.clock.advance(3 * DAY)
    expect(stored(id).status).toBe('open')

    const job = startRoundDeadlines(t.deps)
    job.stop()
    expect(stored(id)).toEqual({ status: 'closed', closed_at: closesAt, closed_by: null })
    expect(items(id).map((i) => [i.amendment_id, i.outcome])).toEqual([
      [a1, 'adopted'],
      [a2, 'rejected'],
    ])
    expect(JSON.parse(items(id)[0]!.result!)).toMatchObject({ outcome: 'adopted', tally: { yes: { weight: 4 } }, quorumMet: true })
    // After the commit, what was adopted goes into the live draft; the rest is refused.
    expect(statusOf(a1)).toBe('merged')
    expect(statusOf(a2)).toBe('refused')
    const audit = t.db.sqlite.prepare("select data from audit_events where action = 'amendment_round.close' and object_id = ?").get(id) as { data: string }
    expect(JSON.parse(audit.data)).toMatchObject({ automatic: true })
  })

  it('wakes up at the deadline of an amendment round, not only at its longest sleep', async () => {
    const w = await buildAmendmentWorld(t)
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const id = await openAmendmentRoundVia(t, w, [a1], { closesAt: new Date(t.clock.now() + 2 * DAY).toISOString() })
    vi.useFakeTimers()
    const job = startRoundDeadlines(t.deps, { maxSleepMs: 7 * DAY })
    t.clock.advance(2 * DAY - HOUR)
    vi.advanceTimersByTime(2 * DAY - HOUR)
    expect(stored(id).status).toBe('open')
    t.clock.advance(HOUR)
    vi.advanceTimersByTime(HOUR)
    expect(stored(id).status).toBe('closed')
    job.stop()
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRoundWorld, openRoundVia, type RoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let world: RoundWorld
let roundId: string
const VOTERS = 20

beforeAll(async () => {
  t = await testApp()
  world = buildRoundWorld(t, { weights: Array.from({ length: VOTERS }, () => 1) })
  roundId = await openRoundVia(t, world, { kind: 'vote', secret: true })
  // Cast one after the other, in a known order, each with a reason that identifies the ballot,
  // a minute apart (so any stored time would show).
  for (const [i, d] of world.delegates.entries()) {
    const res = await d.client.put(`/api/rounds/${roundId}/ballot`, { choice: i % 2 ? 'yes' : 'no', reason: `Begründung ${i}` })
    expect(res.status).toBe(200)
    t.clock.advance(60_000)
  }
})
afterAll(() => t.close())

describe('secret round storage', () => {
  it('stores what was voted with no voter, no time and no sequence', () => {
    const columns = (t.db.sqlite.prepare('pragma table_info(secret_ballots)').all() as Array<{ name: string }>).map((c) => c.name)
    // `split` (a split vote's parts) is part of what was voted, like `choice`.
    expect(columns.sort()).toEqual(['choice', 'id', 'reason', 'round_id', 'split', 'version_number', 'weight'])
    // WITHOUT ROWID: there is no hidden insertion-ordered rowid to sort by.
    expect(() => t.db.sqlite.prepare('select rowid from secret_ballots').all()).toThrow(/no such column/)
    const seq = t.db.sqlite.prepare("select name from sqlite_sequence where name in ('secret_ballots', 'round_participation')").all()
    expect(seq).toEqual([])
  })

  it('shares no value between who voted and what was voted, except the round', () => {
    const who = t.db.sqlite.prepare('select * from round_participation where round_id = ?').all(roundId) as Array<Record<string, unknown>>
    const what = t.db.sqlite.prepare('select * from secret_ballots where round_id = ?').all(roundId) as Array<Record<string, unknown>>
    expect(who).toHaveLength(VOTERS)
    expect(what).toHaveLength(VOTERS)
    const whoValues = new Set(who.flatMap((r) => Object.entries(r).filter(([k]) => k !== 'round_id').map(([, v]) => String(v))))
    const personIds = world.delegates.map((d) => d.personId)
    for (const row of what) {
      for (const [key, value] of Object.entries(row)) {
        if (key === 'round_id') continue
        expect(whoValues.has(String(value))).toBe(false)
        expect(personIds).not.toContain(String(value))
      }
    }
  })

  it('keeps neither table in the order of casting', () => {
    const castOrder = world.delegates.map((_, i) => `Begründung ${i}`)
    const stored = (t.db.sqlite.prepare('select reason from secret_ballots where round_id = ?').all(roundId) as Array<{ reason: string }>).map(
      (r) => r.reason,
    )
    expect(stored.sort()).toEqual([...castOrder].sort())
    const storedInTableOrder = (t.db.sqlite.prepare('select reason from secret_ballots').all() as Array<{ reason: string }>).map((r) => r.reason)
    // Random ids: the chance that 20 rows come out in casting order is 1 in 20! (≈ 4 × 10^-19).
    expect(storedInTableOrder).not.toEqual(castOrder)

    const voterCastOrder = world.delegates.map((d) => d.initiativeId)
    const participation = (t.db.sqlite.prepare('select voter_key from round_participation where round_id = ?').all(roundId) as Array<{ voter_key: string }>).map(
      (r) => r.voter_key,
    )
    expect(participation).toEqual([...voterCastOrder].sort())
    expect(participation).not.toEqual(voterCastOrder)
  })

  it('the audit log says who cast, never what', () => {
    const events = t.db.sqlite.prepare("select data from audit_events where object_id = ? and action = 'ballot.cast'").all(roundId) as Array<{ data: string }>
    expect(events).toHaveLength(VOTERS)
    for (const e of events) expect(Object.keys(JSON.parse(e.data)).sort()).toEqual(['secret', 'voter'])
  })

  it('the result counts every secret ballot once', async () => {
    const res = await world.coordinator.post(`/api/rounds/${roundId}/close`)
    const { result } = (await res.json()) as { result: { tally: Record<string, { count: number }>; outcome: string } }
    expect(result.tally.yes!.count).toBe(10)
    expect(result.tally.no!.count).toBe(10)
    expect(result.outcome).toBe('rejected')
    const view = (await (await world.coordinator.get(`/api/rounds/${roundId}`)).json()) as { reasons: unknown[]; answers: unknown }
    // Votes' reasons are neither objections nor concerns; nothing names a voter.
    expect(view.answers).toBeNull()
    expect(view.reasons).toEqual([])
  })
})

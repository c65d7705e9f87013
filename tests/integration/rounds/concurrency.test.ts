import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

// better-sqlite3 runs each request's transaction synchronously, so parallel requests interleave
// only between their awaits (reading the body, etc.). These tests fire real parallel requests
// and check what users would notice: counts, one ballot per voter, one result for everybody.

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const count = (sql: string, ...params: unknown[]) => (t.db.sqlite.prepare(sql).get(...params) as { n: number }).n

describe('concurrent requests', () => {
  it('two concurrent casts by one voter leave one ballot', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const id = await openRoundVia(t, world)
    const a = world.delegates[0]!
    const responses = await Promise.all([
      a.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' }),
      a.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: 'Nein.' }),
    ])
    expect(responses.map((r) => r.status)).toEqual([200, 200])
    expect(count('select count(*) as n from ballots where round_id = ?', id)).toBe(1)
    expect(count('select count(*) as n from ballot_history where round_id = ?', id)).toBe(2)
    const view = (await (await a.client.get(`/api/rounds/${id}`)).json()) as { participation: { count: number } }
    expect(view.participation.count).toBe(1)
  })

  it('two concurrent casts by one voter in a secret round: one accepted, one ballot_final', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const id = await openRoundVia(t, world, { secret: true })
    const a = world.delegates[0]!
    const responses = await Promise.all([
      a.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' }),
      a.client.put(`/api/rounds/${id}/ballot`, { choice: 'stand_aside' }),
    ])
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409])
    expect(count('select count(*) as n from secret_ballots where round_id = ?', id)).toBe(1)
    expect(count('select count(*) as n from round_participation where round_id = ?', id)).toBe(1)
  })

  it('100 concurrent voters give 100 ballots', async () => {
    const world = buildRoundWorld(t, { weights: Array.from({ length: 100 }, () => 1) })
    const id = await openRoundVia(t, world, { kind: 'vote' })
    const responses = await Promise.all(world.delegates.map((d, i) => d.client.put(`/api/rounds/${id}/ballot`, { choice: i % 3 === 0 ? 'no' : 'yes' })))
    expect(responses.every((r) => r.status === 200)).toBe(true)
    expect(count('select count(*) as n from ballots where round_id = ?', id)).toBe(100)
    const result = (await (await world.coordinator.post(`/api/rounds/${id}/close`)).json()) as {
      result: { participation: { count: number }; tally: Record<string, { count: number }>; outcome: string }
    }
    expect(result.result.participation.count).toBe(100)
    expect(result.result.tally.no!.count).toBe(34)
    expect(result.result.outcome).toBe('adopted')
  })

  it('concurrent closes and casts: every close returns the same result, counting exactly the accepted casts', async () => {
    const world = buildRoundWorld(t, { weights: Array.from({ length: 30 }, () => 1) })
    const id = await openRoundVia(t, world, { kind: 'vote' })
    const casts = world.delegates.map((d) => () => d.client.put(`/api/rounds/${id}/ballot`, { choice: 'yes' }))
    const closes = Array.from({ length: 5 }, () => () => world.coordinator.post(`/api/rounds/${id}/close`))
    // Interleave: 10 casts, a close, 5 casts, a close, … so some casts land after the close.
    const order = [...casts.slice(0, 10), closes[0]!, ...casts.slice(10, 15), closes[1]!, ...casts.slice(15, 20), closes[2]!, closes[3]!, ...casts.slice(20), closes[4]!]
    // Started one event-loop turn apart and all in flight together, so closes land between casts.
    const inFlight: Array<Promise<Response>> = []
    for (const fire of order) {
      inFlight.push(fire())
      await new Promise((resolve) => setImmediate(resolve))
    }
    const responses = await Promise.all(inFlight)
    const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status, url: r.url, body: (await r.json()) as Record<string, unknown> })))

    const closeBodies = bodies.filter((b) => 'result' in b.body)
    const castBodies = bodies.filter((b) => !('result' in b.body))
    expect(closeBodies).toHaveLength(5)
    expect(closeBodies.every((b) => b.status === 200)).toBe(true)
    const results = closeBodies.map((b) => JSON.stringify(b.body.result))
    expect(new Set(results).size).toBe(1)

    const accepted = castBodies.filter((b) => b.status === 200).length
    const refused = castBodies.filter((b) => b.status === 409)
    expect(accepted + refused.length).toBe(30)
    // Both sides of the race happened: some casts before the first close, some after.
    expect(accepted).toBeGreaterThan(0)
    expect(refused.length).toBeGreaterThan(0)
    for (const r of refused) expect(r.body).toMatchObject({ error: { code: 'round_closed' } })
    const result = closeBodies[0]!.body.result as { participation: { count: number } }
    expect(result.participation.count).toBe(accepted)
    expect(count('select count(*) as n from ballots where round_id = ?', id)).toBe(accepted)
  })

  it('concurrent openings of a round on one position: exactly one opens', async () => {
    const world = buildRoundWorld(t)
    const body = { kind: 'consent', quorum: 0.5, secret: false, closesAt: new Date(t.clock.now() + 86_400_000).toISOString() }
    const responses = await Promise.all(Array.from({ length: 5 }, () => world.coordinator.post(`/api/positions/${world.positionId}/rounds`, body)))
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409])
    expect(count("select count(*) as n from rounds where position_id = ? and status = 'open'", world.positionId)).toBe(1)
    expect(count('select count(*) as n from versions where position_id = ?', world.positionId)).toBe(1)
  })
})

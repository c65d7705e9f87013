import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildRoundWorld, DAY, HOUR, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('a ballot that arrives after the round ended', () => {
  it('is refused by the API with round_closed and a message that says when the round ended', async () => {
    const world = buildRoundWorld(t)
    // 2026-11-22T10:00Z is 11:00 in Berlin.
    const id = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + DAY).toISOString() })
    t.clock.advance(DAY + HOUR)
    const res = await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    expect(res.status).toBe(409)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('round_closed')
    expect(body.error.message).toBe('Die Runde endete am 22.11.2026, 11:00 MEZ. Deine Antwort wurde nicht gezählt.')
  })

  it('from the form shows the page with that message instead of a silent result page', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + DAY).toISOString() })
    t.clock.advance(DAY + HOUR)
    const res = await world.delegates[0]!.client.form(`/rounds/${id}/ballot`, { choice: 'consent', initiativeId: world.delegates[0]!.initiativeId })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('role="alert" id="late-ballot"')
    expect(html).toContain('Deine Antwort kam zu spät')
    expect(html).toContain('Die Runde endete am 22.11.2026, 11:00 MEZ. Deine Antwort wurde nicht gezählt.')
    const stored = t.db.sqlite.prepare('select count(*) as n from ballots where round_id = ?').get(id) as { n: number }
    expect(stored.n).toBe(0)
  })

  it('after a cancellation says the round was cancelled', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    expect((await world.coordinator.post(`/api/rounds/${id}/cancel`, { reason: 'Falsche Fassung.' })).status).toBe(200)
    const res = await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    expect(res.status).toBe(409)
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Die Runde wurde am 21.11.2026, 11:00 MEZ abgebrochen. Deine Antwort wurde nicht gezählt.',
    )
  })
})

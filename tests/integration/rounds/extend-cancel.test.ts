import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { startRoundDeadlines } from '../../../server/jobs/round-deadlines.ts'
import { toLocalInput } from '../../../shared/zoned-time.ts'
import { buildRoundWorld, DAY, HOUR, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'
import { pageText } from '../../support/page-text.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => {
  vi.useRealTimers()
  t.close()
})

const row = (id: string) => t.db.sqlite.prepare('select status, closes_at from rounds where id = ?').get(id) as { status: string; closes_at: number }
const position = (id: string) => t.db.sqlite.prepare('select status, draft_readonly from positions where id = ?').get(id)
const iso = (ms: number) => new Date(ms).toISOString()

describe('extending the deadline of an open round', () => {
  it('moves the deadline later with a reason, records it in the audit log and shows it on the round', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: iso(t.clock.now() + 2 * DAY) })
    const res = await world.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: iso(t.clock.now() + 4 * DAY), reason: 'Zwei Initiativen tagen erst Donnerstag.' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ closesAt: iso(t.clock.now() + 4 * DAY) })
    const body = (await (await world.delegates[0]!.client.get(`/api/rounds/${id}`)).json()) as { extensions: unknown[] }
    expect(body.extensions).toEqual([
      expect.objectContaining({ from: iso(t.clock.now() + 2 * DAY), to: iso(t.clock.now() + 4 * DAY), reason: 'Zwei Initiativen tagen erst Donnerstag.' }),
    ])
    expect(auditEventsFor(t.db, 'round', id).map((e) => e.action)).toContain('round.extend')
    const html = await (await world.delegates[0]!.client.get(`/rounds/${id}`)).text()
    expect(pageText(html)).toContain('Begründung: Zwei Initiativen tagen erst Donnerstag.')
    expect(html).toContain('noch 4 Tage')

    // A ballot after the old deadline counts now.
    t.clock.advance(3 * DAY)
    expect((await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })).status).toBe(200)
  })

  it('refuses an earlier deadline, a missing reason, and anyone but the coordinator', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: iso(t.clock.now() + 2 * DAY) })
    const earlier = await world.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: iso(t.clock.now() + DAY), reason: 'Eilt.' })
    expect(earlier.status).toBe(400)
    expect(await earlier.json()).toMatchObject({ error: { code: 'validation', field: 'newClosesAt' } })
    expect((await world.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: iso(t.clock.now() + 3 * DAY), reason: '' })).status).toBe(400)
    expect((await world.delegates[0]!.client.post(`/api/rounds/${id}/extend`, { closesAt: iso(t.clock.now() + 3 * DAY), reason: 'x' })).status).toBe(403)
    expect(row(id).closes_at).toBe(t.clock.now() + 2 * DAY)
  })

  it('is not undone by the deadline job: the round stays open past its old deadline and closes at the new one', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: iso(t.clock.now() + HOUR), shortNotice: { reason: 'Sitzung heute.' } })
    vi.useFakeTimers()
    const job = startRoundDeadlines(t.deps, { maxSleepMs: HOUR })
    await world.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: iso(t.clock.now() + 3 * HOUR), reason: 'Mehr Zeit.' })
    t.clock.advance(HOUR)
    vi.advanceTimersByTime(HOUR)
    expect(row(id).status).toBe('open')
    t.clock.advance(2 * HOUR)
    vi.advanceTimersByTime(2 * HOUR)
    expect(row(id).status).toBe('closed')
    job.stop()
  })

  it('works from the form on the round page, which says what is wrong', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: iso(t.clock.now() + 2 * DAY) })
    const page = await (await world.coordinator.get(`/rounds/${id}`)).text()
    expect(page).toContain('Frist verlängern')
    expect(page).toContain('Runde abbrechen')
    expect(await (await world.delegates[0]!.client.get(`/rounds/${id}`)).text()).not.toContain('Frist verlängern')
    const refused = await world.coordinator.form(`/rounds/${id}/extend`, { closesAt: toLocalInput(t.clock.now() + DAY), reason: 'Eilt.' })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Das neue Ende muss nach dem bisherigen liegen.')
    const ok = await world.coordinator.form(`/rounds/${id}/extend`, { closesAt: toLocalInput(t.clock.now() + 5 * DAY), reason: 'Feiertag.' })
    expect(ok.status).toBe(303)
    expect(row(id).closes_at).toBe(Math.floor((t.clock.now() + 5 * DAY) / 60_000) * 60_000)
  })
})

describe('cancelling an open round', () => {
  it('ends it without a result, puts the position back to drafting with an editable draft, and says so', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    const editable: boolean[] = []
    t.deps.events.on('draft-readonly', ({ readonly }) => editable.push(!readonly))
    const res = await world.coordinator.post(`/api/rounds/${id}/cancel`, { reason: 'Die falsche Fassung wurde eingefroren.' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'cancelled', outcome: null, cancelled: { reason: 'Die falsche Fassung wurde eingefroren.' } })
    expect(position(world.positionId)).toEqual({ status: 'drafting', draft_readonly: 0 })
    expect(editable).toEqual([true])
    expect(auditEventsFor(t.db, 'round', id).map((e) => e.action)).toContain('round.cancel')

    const view = (await (await world.delegates[0]!.client.get(`/api/rounds/${id}`)).json()) as { status: string; result: unknown }
    expect(view).toMatchObject({ status: 'cancelled', result: null })
    const html = await (await world.delegates[0]!.client.get(`/rounds/${id}`)).text()
    expect(pageText(html)).toContain('ohne Ergebnis. Begründung: Die falsche Fassung wurde eingefroren.')
    expect(html).not.toContain('Deine Antwort für')
    expect(await (await world.coordinator.get(`/positions/${world.positionId}`)).text()).toContain('abgebrochen am 21.11.2026, 11:00 MEZ, ohne Ergebnis')
    // The next round can be opened.
    expect(await openRoundVia(t, world)).toBeTruthy()
  })

  it('refuses a closed round, a missing reason, and anyone but the coordinator', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    expect((await world.delegates[0]!.client.post(`/api/rounds/${id}/cancel`, { reason: 'x' })).status).toBe(403)
    expect((await world.coordinator.post(`/api/rounds/${id}/cancel`, { reason: '  ' })).status).toBe(400)
    await world.coordinator.post(`/api/rounds/${id}/close`)
    const closed = await world.coordinator.post(`/api/rounds/${id}/cancel`, { reason: 'Zu spät.' })
    expect(closed.status).toBe(409)
    expect(await closed.json()).toMatchObject({ error: { code: 'round_closed' } })
    expect(row(id).status).toBe('closed')
  })

  it('from the form needs the confirmation box and a reason', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    const unconfirmed = await world.coordinator.form(`/rounds/${id}/cancel`, { reason: 'Falsche Fassung.' })
    expect(unconfirmed.status).toBe(400)
    expect(await unconfirmed.text()).toContain('Bitte bestätige zuerst, dass sie abgebrochen werden soll.')
    expect(row(id).status).toBe('open')
    const ok = await world.coordinator.form(`/rounds/${id}/cancel`, { reason: 'Falsche Fassung.', confirm: 'yes' })
    expect(ok.status).toBe(303)
    expect(row(id).status).toBe('cancelled')
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toLocalInput } from '../../../shared/zoned-time.ts'
import { buildRoundWorld, DAY, HOUR, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'
import { pageText } from '../../support/page-text.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const iso = (ms: number) => new Date(ms).toISOString()

describe('a round at short notice', () => {
  it('is refused with deadline_too_soon without shortNotice, and opened with a reason that voters see', async () => {
    const world = buildRoundWorld(t)
    const body = { kind: 'consent', quorum: 0.5, closesAt: iso(t.clock.now() + 2 * 60_000) }
    const refused = await world.coordinator.post(`/api/positions/${world.positionId}/rounds`, body)
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ error: { code: 'deadline_too_soon' } })
    expect(t.db.sqlite.prepare('select status from positions where id = ?').get(world.positionId)).toEqual({ status: 'drafting' })

    const id = await openRoundVia(t, world, { closesAt: iso(t.clock.now() + 3 * HOUR), shortNotice: { reason: 'Die Pressekonferenz ist morgen früh.' } })
    const round = (await (await world.delegates[0]!.client.get(`/api/rounds/${id}`)).json()) as { shortNotice: unknown }
    expect(round.shortNotice).toEqual({ reason: 'Die Pressekonferenz ist morgen früh.' })
    expect(pageText(await (await world.delegates[0]!.client.get(`/rounds/${id}`)).text())).toContain('Kurzfristige Runde. Begründung: Die Pressekonferenz ist morgen früh.')
  })

  it('needs no reason at 24 hours or more, and keeps none', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: iso(t.clock.now() + DAY), shortNotice: { reason: 'überflüssig' } })
    expect(((await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as { shortNotice: unknown }).shortNotice).toBeNull()
  })

  it('in the form: refused without the box, opened with box and reason', async () => {
    const world = buildRoundWorld(t)
    const fields = { kind: 'consent', electorate: 'initiatives', quorum: '50', visibility: 'open', closesAt: toLocalInput(t.clock.now() + 2 * HOUR), version: 'new' }
    const refused = await world.coordinator.form(`/positions/${world.positionId}/rounds`, fields)
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('id="open-shortNotice-error"')
    expect(html).toContain('weniger als 24 Stunden entfernt')
    const noReason = await world.coordinator.form(`/positions/${world.positionId}/rounds`, { ...fields, shortNotice: '1' })
    expect(await noReason.text()).toContain('Bitte begründe, warum die Runde so kurzfristig endet.')
    const ok = await world.coordinator.form(`/positions/${world.positionId}/rounds`, { ...fields, shortNotice: '1', shortNoticeReason: 'Sitzung heute Abend.' })
    expect(ok.status).toBe(303)
  })
})

describe('answers hidden until the round closes', () => {
  it('shows who answered but not what while open, then everything with names', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const id = await openRoundVia(t, world, { visibility: 'until_close' })
    const [a, b] = world.delegates
    await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: 'Geheimer Grund bis zum Schluss.' })
    const open = (await (await b!.client.get(`/api/rounds/${id}`)).json()) as Record<string, unknown>
    expect(open).toMatchObject({ visibility: 'until_close', secret: false, answers: null, reasons: [] })
    expect(open.notYetAnswered).toEqual([expect.objectContaining({ id: b!.initiativeId })])
    const page = await (await b!.client.get(`/rounds/${id}`)).text()
    expect(page).not.toContain('Geheimer Grund bis zum Schluss.')
    expect(page).toContain('Was geantwortet wurde, bleibt bis zum Ende der Runde verdeckt.')
    expect(await (await b!.client.get(`/positions/${world.positionId}`)).text()).not.toContain('Geheimer Grund bis zum Schluss.')
    const history = (await (await b!.client.get(`/api/positions/${world.positionId}/rounds`)).json()) as { rounds: Array<{ reasons: unknown[] }> }
    expect(history.rounds[0]!.reasons).toEqual([])
    // The voter still sees (and may change) their own answer.
    expect(((await (await a!.client.get(`/api/rounds/${id}`)).json()) as { myBallots: Array<{ choice: string }> }).myBallots[0]!.choice).toBe('objection')
    expect((await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'concern', reason: 'Geheimer Grund bis zum Schluss.' })).status).toBe(200)

    await world.coordinator.post(`/api/rounds/${id}/close`)
    const closed = (await (await b!.client.get(`/api/rounds/${id}`)).json()) as { answers: Array<{ voterKey: string; choice: string }> }
    expect(closed.answers).toEqual([expect.objectContaining({ voterKey: a!.initiativeId, choice: 'concern' })])
    expect(await (await b!.client.get(`/rounds/${id}`)).text()).toContain('Geheimer Grund bis zum Schluss.')
  })

  it('keeps the answers hidden when the round is cancelled before its end: no result ever came', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const id = await openRoundVia(t, world, { visibility: 'until_close' })
    const [a, b] = world.delegates
    await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: 'Nur für das Ergebnis gedacht.' })
    expect((await world.coordinator.post(`/api/rounds/${id}/cancel`, { reason: 'Falsche Fassung.' })).status).toBe(200)
    const view = (await (await b!.client.get(`/api/rounds/${id}`)).json()) as Record<string, unknown>
    expect(view).toMatchObject({ status: 'cancelled', answers: null, reasons: [] })
    expect(await (await b!.client.get(`/rounds/${id}`)).text()).not.toContain('Nur für das Ergebnis gedacht.')
    const history = (await (await b!.client.get(`/api/positions/${world.positionId}/rounds`)).json()) as { rounds: Array<{ reasons: unknown[] }> }
    expect(history.rounds[0]!.reasons).toEqual([])
  })

  it('keeps the boolean `secret` working and refuses a contradiction', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { secret: true })
    expect(await (await world.coordinator.get(`/api/rounds/${id}`)).json()).toMatchObject({ secret: true, visibility: 'secret' })
    const other = buildRoundWorld(t)
    const res = await other.coordinator.post(`/api/positions/${other.positionId}/rounds`, {
      kind: 'consent',
      quorum: 0.5,
      secret: true,
      visibility: 'open',
      closesAt: iso(t.clock.now() + 7 * DAY),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'validation', field: 'visibility' } })
  })

  it('is offered in the form and the majority sits in a fieldset "only for votes"', async () => {
    const world = buildRoundWorld(t)
    const html = await (await world.coordinator.get(`/positions/${world.positionId}/rounds/new`)).text()
    expect(html).toContain('value="until_close"')
    expect(html).toContain('Verdeckt bis zum Ende')
    expect(html).toMatch(/<fieldset class="majority-field"[^>]*><legend>Nur bei Abstimmungen<\/legend>/)
    const res = await world.coordinator.form(`/positions/${world.positionId}/rounds`, {
      kind: 'vote',
      electorate: 'initiatives',
      majority: 'simple',
      quorum: '50',
      visibility: 'until_close',
      closesAt: toLocalInput(t.clock.now() + 3 * DAY),
      version: 'new',
    })
    expect(res.status).toBe(303)
    const id = res.headers.get('location')!.split('/').pop()!
    expect(await (await world.coordinator.get(`/api/rounds/${id}`)).json()).toMatchObject({ visibility: 'until_close', secret: false })
  })
})

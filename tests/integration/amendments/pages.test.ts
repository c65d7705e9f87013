import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp

beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

describe('the amendments page', () => {
  it('proposes by quoting the passage, shows it as Ä1 with an inline diff, takes support and the decision, without JavaScript', async () => {
    const w = buildRoundWorld(t, { draft: ['Wir fordern bezahlbaren Wohnraum für alle.'] })
    expect((await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})).status).toBe(201)
    const [x, y] = w.delegates
    const page = `/positions/${w.positionId}/amendments`

    const notFound = await x!.client.post(page, form({ versionNumber: '1', quote: 'billigen Wohnraum', text: 'x', reason: 'y' }), FORM)
    expect(notFound.status).toBe(400)
    const refused = await notFound.text()
    expect(refused).toContain('Diese Stelle steht so nicht im Text der Fassung.')
    expect(refused).toContain('value="billigen Wohnraum"')

    const created = await x!.client.post(page, form({ versionNumber: '1', quote: 'bezahlbaren', text: 'guten', reason: 'Klarer.' }), FORM)
    expect(created.status).toBe(303)
    expect(created.headers.get('location')).toBe(`${page}#a-1`)
    const html = await (await y!.client.get(page)).text()
    expect(html).toContain('Ä1')
    expect(html).toMatch(/<del[^>]*>bezahlbaren<\/del> <ins[^>]*>guten<\/ins>/)

    const list = async () => ((await (await w.coordinator.get(`/api/positions/${w.positionId}/amendments`)).json()) as { amendments: Array<{ id: string; supporters: unknown[]; status: string }> }).amendments
    const [a1] = await list()
    expect((await y!.client.post(`/amendments/${a1!.id}/support`, form({ action: 'support' }), FORM)).status).toBe(303)
    expect((await list())[0]!.supporters).toHaveLength(1)
    expect((await w.coordinator.post(`/amendments/${a1!.id}/decide`, form({ decision: 'take_over', reason: '' }), FORM)).status).toBe(303)
    expect((await list())[0]!.status).toBe('merged')
    expect(await (await w.coordinator.get(page)).text()).toContain('eingearbeitet')
  })

  it('the coordinator puts open amendments to a vote from the page; a refused form comes back with the error summary', async () => {
    const w = buildRoundWorld(t, { draft: ['Wir fordern bezahlbaren Wohnraum für alle.'] })
    expect((await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})).status).toBe(201)
    const page = `/positions/${w.positionId}/amendments`
    expect((await w.delegates[0]!.client.post(page, form({ versionNumber: '1', quote: 'bezahlbaren', text: 'guten', reason: 'Klarer.' }), FORM)).status).toBe(303)
    const [a1] = ((await (await w.coordinator.get(`/api/positions/${w.positionId}/amendments`)).json()) as { amendments: Array<{ id: string }> }).amendments
    const shown = await (await w.coordinator.get(page)).text()
    expect(shown).toContain('Über Änderungsanträge abstimmen lassen')
    const closesAt = /name="closesAt" type="datetime-local" value="([^"]+)"/.exec(shown)![1]!
    // Delegates do not get the form.
    expect(await (await w.delegates[0]!.client.get(page)).text()).not.toContain('Über Änderungsanträge abstimmen lassen')

    const none = await w.coordinator.post(`/positions/${w.positionId}/amendment-rounds`, form({ quorum: '50', closesAt }), FORM)
    expect(none.status).toBe(400)
    const refused = await none.text()
    expect(refused).toMatch(/<title>Fehler \(1\)/)
    expect(refused).toContain('href="#amend-round-amendmentIds"')
    expect(refused).toContain('Bitte wähle mindestens einen Änderungsantrag.')
    const past = await w.coordinator.post(`/positions/${w.positionId}/amendment-rounds`, form({ amendmentIds: a1!.id, quorum: '50', closesAt: '2000-01-01T10:00' }), FORM)
    expect(past.status).toBe(400)
    expect(await past.text()).toContain(`value="${a1!.id}" checked`)

    const opened = await w.coordinator.post(`/positions/${w.positionId}/amendment-rounds`, form({ amendmentIds: a1!.id, quorum: '50', closesAt }), FORM)
    expect(opened.status).toBe(303)
    const roundUrl = opened.headers.get('location')!
    expect(roundUrl).toMatch(/^\/rounds\/[a-z0-9]+$/)
    const after = await (await w.delegates[0]!.client.get(page)).text()
    expect(after).toContain(`<a href="${roundUrl}">Abstimmung über Ä1</a> · läuft`)
    expect(await (await w.delegates[0]!.client.get(roundUrl)).text()).toMatch(/<legend>Ä1<\/legend>/)
  })
})

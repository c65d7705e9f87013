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
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { run } from '../../../db/query.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

/** The confirmation after a nudge: the status paragraph's text, or null. */
const statusOf = (html: string) => /<p class="notice notice-success" role="status" id="nudge-status"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? null

describe('the nudge button on the round page', () => {
  it('says, as a status message, how many people the reminder reached, in German and English', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    const id = await openRoundVia(t, world)
    expect((await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })).status).toBe(200)
    const before = await (await world.coordinator.get(`/rounds/${id}`)).text()
    expect(before).toContain('Fehlende erinnern')
    expect(statusOf(before)).toBeNull()

    const posted = await world.coordinator.form(`/rounds/${id}/nudge`, {})
    expect(posted.status).toBe(303)
    const location = posted.headers.get('location')!
    expect(location).toBe(`/rounds/${id}?nudged=2#nudge-status`)
    const page = await (await world.coordinator.get(location.replace(/#.*/, ''))).text()
    expect(statusOf(page)).toBe('Erinnerung verschickt: 2 Personen, die noch antworten müssen, bekommen eine Nachricht.')

    run(t.db, t.db.q.updateTable('people').set({ locale: 'en' }).where('id', '=', world.coordinatorId))
    const english = await (await world.coordinator.get(`/rounds/${id}?nudged=1`)).text()
    expect(statusOf(english)).toBe('Reminder sent: one person who still has to answer gets a message.')
    // A made-up count is not shown.
    expect(statusOf(await (await world.coordinator.get(`/rounds/${id}?nudged=many`)).text())).toBeNull()
  })

  it('a second nudge within 6 hours is refused with the moment the next one is possible, on the page and in the API', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const id = await openRoundVia(t, world)
    expect((await world.coordinator.form(`/rounds/${id}/nudge`, {})).status).toBe(303)
    const again = await world.coordinator.form(`/rounds/${id}/nudge`, {})
    expect(again.status).toBe(429)
    const html = await again.text()
    expect(html).toMatch(/<p role="alert">Zu dieser Runde wurde in den letzten 6 Stunden schon erinnert\. Nächste Erinnerung ab \d\d\.\d\d\.\d{4}, \d\d:\d\d/)
    const api = await world.coordinator.post(`/api/rounds/${id}/nudge`)
    expect(api.status).toBe(429)
    const body = (await api.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('nudge_too_soon')
    expect(body.error.message).not.toContain('{date}')
  })
})

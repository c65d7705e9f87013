import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BEZAHLBAR, buildAmendmentWorld, openAmendmentRoundVia, proposeAmendment, voteOnAmendments } from '../../support/amendment-round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const statusOf = (html: string) => /<p class="notice notice-success" role="status" id="nudge-status"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? null

describe('the nudge button on the amendment round page', () => {
  it('confirms, as a status message, how many people the reminder reached', async () => {
    const w = await buildAmendmentWorld(t, [1, 1, 1])
    const a = await proposeAmendment(w, BEZAHLBAR, 'günstigen')
    const id = await openAmendmentRoundVia(t, w, [a])
    expect((await voteOnAmendments(w, 0, id, { [a]: 'yes' })).status).toBe(200)
    const before = await (await w.coordinator.get(`/rounds/${id}`)).text()
    expect(before).toContain('Fehlende erinnern')
    expect(statusOf(before)).toBeNull()

    const posted = await w.coordinator.form(`/rounds/${id}/nudge`, {})
    expect(posted.status).toBe(303)
    const location = posted.headers.get('location')!
    expect(location).toBe(`/rounds/${id}?nudged=2#nudge-status`)
    const page = await (await w.coordinator.get(location.replace(/#.*/, ''))).text()
    expect(statusOf(page)).toBe('Erinnerung verschickt: 2 Personen, die noch antworten müssen, bekommen eine Nachricht.')
    expect(statusOf(await (await w.coordinator.get(`/rounds/${id}?nudged=many`)).text())).toBeNull()
  })
})

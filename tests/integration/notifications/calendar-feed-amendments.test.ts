import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BEZAHLBAR, buildAmendmentWorld, openAmendmentRoundVia, proposeAmendment } from '../../support/amendment-round-world.ts'
import { DAY } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('the personal calendar feed', () => {
  it('holds open amendment rounds with the UID of their mails and a SEQUENCE that counts extensions', async () => {
    const w = await buildAmendmentWorld(t, [1, 1])
    const a = await proposeAmendment(w, BEZAHLBAR, 'günstigen')
    const id = await openAmendmentRoundVia(t, w, [a])
    const delegate = w.delegates[0]!.client
    expect((await delegate.form('/me/calendar', {})).status).toBe(303)
    const url = (await (await delegate.get('/me')).text()).match(/id="calendar-url"[^>]*value="([^"]+)"/)?.[1]
    const feedPath = new URL(url!).pathname
    const ics = await (await t.client.get(feedPath)).text()
    expect(ics).toContain(`UID:round-${id}@sprachrohr.test`)
    expect(ics).toContain('SEQUENCE:0')

    const extended = await w.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: new Date(t.clock.now() + 9 * DAY).toISOString(), reason: 'Mehr Zeit.' })
    expect(extended.status).toBe(200)
    const after = await (await t.client.get(feedPath)).text()
    expect(after).toContain(`UID:round-${id}@sprachrohr.test`)
    expect(after).toContain('SEQUENCE:1')

    expect((await w.coordinator.post(`/api/rounds/${id}/cancel`, { reason: 'Doch nicht.' })).status).toBe(200)
    expect(await (await t.client.get(feedPath)).text()).not.toContain(`UID:round-${id}@`)
  })
})

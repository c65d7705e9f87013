import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

/**
 * How a refused form shows its error, read from the page: the count in the title, the summary's
 * link to the control, and at the control aria-invalid plus aria-describedby naming the message.
 */
function shownRefusal(html: string, controlId: string) {
  const control = new RegExp(`<(input|textarea|select)\\b[^>]*\\bid="${controlId}"[^>]*>`).exec(html)?.[0] ?? ''
  const describedBy = /aria-describedby="([^"]*)"/.exec(control)?.[1]?.split(' ') ?? []
  const message = new RegExp(`<a href="#${controlId}">([^<]*)</a>`).exec(html)?.[1] ?? null
  const errorText = describedBy
    .map((id) => new RegExp(`<p class="field-error" id="${id}">([^<]*)</p>`).exec(html)?.[1])
    .find((text) => text !== undefined)
  return {
    titleCounts: /<title>Fehler \(1\): /.test(html),
    summaryFocused: /<div class="error-summary" id="error-summary" tabindex="-1" autofocus="">/.test(html),
    summaryLinksTheField: message !== null,
    controlInvalid: /aria-invalid="true"/.test(control),
    messageNextToField: errorText !== undefined && errorText === message,
    noSecondNotice: !html.includes('class="notice notice-error"'),
  }
}

describe('a refused admin form and a refused round form', () => {
  it('show their errors the same way: summary, message at the field, aria-invalid and aria-describedby', async () => {
    const admin = t.client.as(sessionCookie(t.db, buildPerson(t.db, { name: 'Ada Admin', admin: true }).id, t.clock.now()))
    const adminRes = await admin.form('/admin/initiatives', { name: 'Sprachcafé', slug: 'Ä Ö Ü', weight: '1', active: 'on' })
    expect(adminRes.status).toBe(400)
    const adminShown = shownRefusal(await adminRes.text(), 'new-initiative-slug')

    const world = buildRoundWorld(t)
    const roundId = await openRoundVia(t, world)
    const delegate = world.delegates[0]!
    const roundRes = await delegate.client.form(`/rounds/${roundId}/ballot`, { choice: 'objection', reason: '', initiativeId: delegate.initiativeId })
    expect(roundRes.status).toBe(400)
    const roundShown = shownRefusal(await roundRes.text(), 'ballot-reason')

    const expected = { titleCounts: true, summaryFocused: true, summaryLinksTheField: true, controlInvalid: true, messageNextToField: true, noSecondNotice: true }
    expect(adminShown).toEqual(expected)
    expect(roundShown).toEqual(expected)
  })
})

describe('a refusal not about a field', () => {
  it('is counted in the title and said once, in the summary (a new setup link for a disabled person)', async () => {
    const admin = t.client.as(sessionCookie(t.db, buildPerson(t.db, { name: 'Ada Admin', admin: true }).id, t.clock.now()))
    const person = buildPerson(t.db, { name: 'Dora Deaktiviert', disabled: true })
    const res = await admin.form(`/admin/people/${person.id}/invite`, {})
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toMatch(/<title>Fehler \(1\): Dora Deaktiviert/)
    const message = /<div class="error-summary"[^>]*>\s*<h2[^>]*>[^<]*<\/h2>\s*<ul>\s*<li>([^<]+)<\/li>/.exec(html)?.[1]
    expect(message).toBeTruthy()
    expect(html.split(message!).length - 1).toBe(1)
  })
})

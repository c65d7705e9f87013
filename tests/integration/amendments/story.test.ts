import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VersionAmendmentsJson } from '../../../server/amendments/version-amendments.ts'
import { buildRoundWorld, DAY } from '../../support/round-world.ts'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp

beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const FIRST = 'Wir fordern bezahlbaren Wohnraum. Die Mieten steigen.'
const SECOND = 'Sprachkurse ab dem ersten Tag.'

describe('from version 1 through three amendments to an adopted version 2', () => {
  it('contains exactly the one taken over (waiting while a round on version 1 ran) and the one adopted by vote, and says where each sentence came from', async () => {
    const w = buildRoundWorld(t, { weights: [2, 1, 1], draft: [FIRST, SECOND] })
    const [x, y, z] = w.delegates as [typeof w.delegates[0], typeof w.delegates[0], typeof w.delegates[0]]
    expect((await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})).status).toBe(201)
    const propose = async (by: typeof x, from: number, to: number, text: string) => {
      const res = await by.client.post(`/api/positions/${w.positionId}/amendments`, { versionNumber: 1, from, to, text, reason: 'Begründung.' })
      expect(res.status).toBe(201)
      return ((await res.json()) as { id: string }).id
    }
    // Ä1 replaces "Die Mieten steigen." (35–54), Ä2 "ab dem ersten Tag." (68–86), Ä3 "bezahlbaren" (13–24).
    const a1 = await propose(x, 35, 54, 'Die Mieten müssen sinken.')
    const a2 = await propose(y, 68, 86, 'für alle, sofort.')
    const a3 = await propose(z, 13, 24, 'billigen')
    expect((await y.client.post(`/api/amendments/${a1}/support`, {})).status).toBe(200)

    // Version 1 goes to a consent round first, and Z objects. While it runs the draft is
    // read-only: Ä1, taken over meanwhile, waits, and goes in when the round ends without adoption.
    const first = await w.coordinator.post(`/api/positions/${w.positionId}/rounds`, {
      kind: 'consent',
      versionNumber: 1,
      quorum: 0.5,
      closesAt: new Date(t.clock.now() + 3 * DAY).toISOString(),
    })
    expect(first.status, await first.clone().text()).toBe(201)
    const firstId = ((await first.json()) as { id: string }).id
    expect((await z.client.put(`/api/rounds/${firstId}/ballot`, { choice: 'objection', reason: 'Erst die Änderungsanträge.' })).status).toBe(200)
    expect((await x.client.put(`/api/rounds/${firstId}/ballot`, { choice: 'consent' })).status).toBe(200)
    expect(await (await w.coordinator.post(`/api/amendments/${a1}/decision`, { decision: 'take_over' })).json()).toMatchObject({ status: 'taken_over', mergeNote: 'waiting' })
    expect(await (await w.coordinator.post(`/api/amendments/${a3}/decision`, { decision: 'reject', reason: 'Zu ungenau.' })).json()).toMatchObject({ status: 'rejected' })
    expect(((await (await w.coordinator.get(`/api/positions/${w.positionId}/draft`)).json()) as { html: string }).html).toBe(`<p>${FIRST}</p><p>${SECOND}</p>`)
    expect(await (await w.coordinator.post(`/api/rounds/${firstId}/close`, {})).json()).toMatchObject({ result: { outcome: 'rejected' } })
    expect(((await (await w.coordinator.get(`/api/positions/${w.positionId}/draft`)).json()) as { html: string }).html).toBe(
      '<p>Wir fordern bezahlbaren Wohnraum. Die Mieten müssen sinken.</p><p>Sprachkurse ab dem ersten Tag.</p>',
    )

    const round = await w.coordinator.post(`/api/positions/${w.positionId}/rounds`, {
      kind: 'amendments',
      amendmentIds: [a2],
      quorum: 0.5,
      closesAt: new Date(t.clock.now() + 3 * DAY).toISOString(),
    })
    const roundId = ((await round.json()) as { id: string }).id
    for (const [d, choice] of [[x, 'yes'], [y, 'yes'], [z, 'no']] as const) {
      expect((await d.client.put(`/api/rounds/${roundId}/ballot`, { choices: { [a2]: choice } })).status).toBe(200)
    }
    expect((await w.coordinator.post(`/api/rounds/${roundId}/close`, {})).status).toBe(200)
    expect(((await (await w.coordinator.get(`/api/positions/${w.positionId}/amendments`)).json()) as { amendments: Array<{ number: number; status: string }> }).amendments.map((a) => a.status)).toEqual([
      'merged',
      'merged',
      'rejected',
    ])

    // Version 2 is frozen by the consent round on the draft, which then adopts it.
    const consent = await w.coordinator.post(`/api/positions/${w.positionId}/rounds`, {
      kind: 'consent',
      quorum: 0.5,
      closesAt: new Date(t.clock.now() + 3 * DAY).toISOString(),
    })
    expect(consent.status).toBe(201)
    const consentId = ((await consent.json()) as { id: string; versionNumber: number }).id
    for (const d of [x, y, z]) expect((await d.client.put(`/api/rounds/${consentId}/ballot`, { choice: 'consent' })).status).toBe(200)
    const closed = await w.coordinator.post(`/api/rounds/${consentId}/close`, {})
    expect(await closed.json()).toMatchObject({ result: { outcome: 'adopted' } })

    const v2 = await (await w.coordinator.get(`/api/positions/${w.positionId}/versions/2`)).json()
    expect(v2).toMatchObject({ html: '<p>Wir fordern bezahlbaren Wohnraum. Die Mieten müssen sinken.</p><p>Sprachkurse für alle, sofort.</p>' })
    const contained = (await (await w.coordinator.get(`/api/positions/${w.positionId}/versions/2/amendments`)).json()) as VersionAmendmentsJson
    expect(contained.amendments.map((a) => [a.number, a.status, a.initiative?.id])).toEqual([
      [1, 'merged', x.initiativeId],
      [2, 'merged', y.initiativeId],
    ])
    expect(contained.sentences).toEqual([
      { paragraph: 0, text: 'Wir fordern bezahlbaren Wohnraum.', amendments: [] },
      { paragraph: 0, text: 'Die Mieten müssen sinken.', amendments: [1] },
      { paragraph: 1, text: 'Sprachkurse für alle, sofort.', amendments: [2] },
    ])
    const v1 = (await (await w.coordinator.get(`/api/positions/${w.positionId}/versions/1/amendments`)).json()) as VersionAmendmentsJson
    expect(v1.amendments).toEqual([])

    // The version's page and the diff say which amendments it contains, and where sentences came from.
    const page2 = await (await y.client.get(`/positions/${w.positionId}/versions/2`)).text()
    const section = (html: string) => /<section aria-labelledby="contained-heading"[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
    expect(section(page2)).toContain('Enthaltene Änderungsanträge')
    expect([...section(page2).matchAll(/>Ä(\d)<\/a>/g)].map((m) => m[1])).toEqual(['1', '2'])
    expect(section(page2)).toMatch(/<q lang="de">Die Mieten müssen sinken\.<\/q> – aus Ä1/)
    expect(section(page2)).toMatch(/<q lang="de">Sprachkurse für alle, sofort\.<\/q> – aus Ä2/)
    expect(section(page2)).not.toContain('Wir fordern')
    const diff = await (await y.client.get(`/positions/${w.positionId}/diff?from=1&to=2`)).text()
    expect([...section(diff).matchAll(/>Ä(\d)<\/a>/g)].map((m) => m[1])).toEqual(['1', '2'])
    expect(section(await (await y.client.get(`/positions/${w.positionId}/versions/1`)).text())).toBe('')

    // The public page of the adopted position lists the adopted amendments, for visitors too.
    const speaker = t.client.as(sessionCookie(t.db, buildPerson(t.db, { spokesperson: true }).id, t.clock.now()))
    const published = await speaker.post(`/api/positions/${w.positionId}/publish`, {})
    expect(published.status, await published.clone().text()).toBe(200)
    const { slug } = (await published.json()) as { slug: string }
    const visitor = await (await t.client.get(`/p/${slug}`)).text()
    const adopted = /<section aria-labelledby="adopted-amendments-title"[\s\S]*?<\/section>/.exec(visitor)?.[0] ?? ''
    expect(adopted).toContain('Angenommene Änderungsanträge')
    expect([...adopted.matchAll(/<strong>Ä(\d)<\/strong>/g)].map((m) => m[1])).toEqual(['1', '2'])
    expect(adopted).toMatch(/<del[^>]*>ab dem ersten Tag\.<\/del> <ins[^>]*>für alle, sofort\.<\/ins>/)
    expect(adopted).not.toContain('billigen')
  })
})

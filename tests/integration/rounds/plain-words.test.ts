import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adoptedPosition, buildPublishingWorld } from '../../support/adopt.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('plain words for voters on the round page', () => {
  it('keeps the checksum visible but its technical explanation behind "Was ist das?"', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    const html = await (await world.delegates[0]!.client.get(`/rounds/${id}`)).text()
    expect(html).toMatch(/Prüfsumme[^<]*<code class="hash-value">[0-9a-f]{64}<\/code>/)
    expect(html).toMatch(/<details class="hash-what"><summary>Was ist das\?<\/summary><p class="hint">Die Prüfsumme wird über den Text in kanonischer JSON-Form/)
  })

  it('explains the quorum in words', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { quorum: 0.5 })
    const html = await (await world.delegates[0]!.client.get(`/rounds/${id}`)).text()
    expect(html).toMatch(/Damit das Ergebnis gilt, müssen Initiativen mit zusammen mindestens 50\s% des Stimmgewichts antworten \(Enthaltungen zählen mit\)\./)
    const en = await (await world.delegates[0]!.client.get(`/rounds/${id}`, { 'accept-language': 'en' })).text()
    expect(en).toMatch(/For the result to count, initiatives holding together at least 50\s?% of the voting weight must answer/)
  })

  it('does the same on the public page of a published position', async () => {
    const world = buildPublishingWorld(t, { initiatives: 2 })
    const position = await adoptedPosition(t, world)
    expect((await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})).status).toBe(200)
    const html = await (await t.client.get(`/p/${position.slug}`)).text()
    expect(html).toMatch(/<code class="public-hash">[0-9a-f]{64}<\/code><details class="hash-what"><summary>Was ist das\?<\/summary><p class="hint">Mit der Prüfsumme/)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

// In the English interface a German title inside an English heading is still read as German.
describe('headings that carry a position title in the English interface', () => {
  it('mark the title as German on the round page and the version page', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    const en = { 'accept-language': 'en' }
    const round = await (await world.delegates[0]!.client.get(`/rounds/${id}`, en)).text()
    expect(round).toMatch(/<h1>Consent round: <span lang="de">[^<]+<\/span><\/h1>/)
    const version = await (await world.delegates[0]!.client.get(`/positions/${world.positionId}/versions/1`, en)).text()
    expect(version).toMatch(/<h1>Version 1: <span lang="de">[^<]+<\/span><\/h1>/)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ALLE, BEZAHLBAR, buildAmendmentWorld, openAmendmentRoundVia, proposeAmendment, voteOnAmendments } from '../../support/amendment-round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('still to decide: amendment rounds', () => {
  it('lists an open amendment round on the start page as a vote on amendments until the initiative answered', async () => {
    const w = await buildAmendmentWorld(t, [1, 1])
    const a = await proposeAmendment(w, BEZAHLBAR, 'günstigen')
    const b = await proposeAmendment(w, ALLE, 'jede und jeden.')
    const id = await openAmendmentRoundVia(t, w, [a, b])
    const me = w.delegates[0]!

    const before = await (await me.client.get('/')).text()
    expect(before).toContain('<h2 id="home-still-to-decide">Noch zu entscheiden</h2>')
    expect(before).toContain(`href="/rounds/${id}"`)
    expect(before).toMatch(/Abstimmung über Änderungsanträge zu „<span lang="de">[^<]+<\/span>“/)
    expect(before).toContain('Jetzt antworten')

    expect((await voteOnAmendments(w, 0, id, { [a]: 'yes', [b]: 'no' })).status).toBe(200)
    const after = await (await me.client.get('/')).text()
    expect(after).not.toContain(`href="/rounds/${id}"`)
    // The other delegate still sees it, in English too.
    const other = await (await w.delegates[1]!.client.get('/', { 'accept-language': 'en' })).text()
    expect(other).toContain(`href="/rounds/${id}"`)
    expect(other).toContain('Vote on amendments to “')
  })

  it('a proxy holder sees the amendment round as waiting for the other initiative’s answer', async () => {
    const w = await buildAmendmentWorld(t, [1, 1])
    const a = await proposeAmendment(w, BEZAHLBAR, 'günstigen')
    const id = await openAmendmentRoundVia(t, w, [a])
    const [x, y] = w.delegates
    expect((await x!.client.post(`/api/initiatives/${x!.initiativeId}/proxies`, { toPersonId: y!.personId })).status).toBe(201)
    expect((await voteOnAmendments(w, 1, id, { [a]: 'yes' }, { initiativeId: y!.initiativeId })).status).toBe(200)
    const home = await (await y!.client.get('/')).text()
    expect(home).toContain(`href="/rounds/${id}"`)
    expect(home).toContain('(Stimme an dich übertragen)')
    expect(await (await x!.client.get('/')).text()).toContain('Deine Initiative hat ihre Stimme übertragen')
  })
})

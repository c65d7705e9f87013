import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('the round page forms for proxies and split votes', () => {
  it('a delegate hands on the vote from the round page; the holder’s ballot form offers the initiative; A’s delegate can revoke', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const id = await openRoundVia(t, world)
    const [a, b] = world.delegates
    const page = await (await a!.client.get(`/rounds/${id}`)).text()
    expect(page).toContain('Stimme übertragen')
    const posted = await a!.client.form(`/initiatives/${a!.initiativeId}/proxies?round=${id}`, { toPersonId: b!.personId, scope: 'round' })
    expect(posted.status).toBe(303)

    const holderPage = await (await b!.client.get(`/rounds/${id}`)).text()
    expect(holderPage).toMatch(/hat seine Stimme für diese Runde an/)
    expect(holderPage).toContain('(übertragen)')
    const ownPage = await (await a!.client.get(`/rounds/${id}`)).text()
    expect(ownPage).toContain('Übertragung widerrufen')

    const refused = await a!.client.form(`/rounds/${id}/ballot`, { choice: 'consent' })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('Widerruft die Übertragung')
    const proxyId = (t.db.sqlite.prepare('select id from proxies').get() as { id: string }).id
    expect((await a!.client.form(`/proxies/${proxyId}/revoke?round=${id}`, {})).status).toBe(303)
    expect((await a!.client.form(`/rounds/${id}/ballot`, { choice: 'consent' })).status).toBe(303)
  })

  it('a heavy initiative splits its vote with the form; a wrong sum is shown with the form again', async () => {
    const world = buildRoundWorld(t, { weights: [3, 1] })
    const id = await openRoundVia(t, world, { kind: 'vote', majority: 'simple', allowSplit: true })
    const heavy = world.delegates[0]!
    const page = await (await heavy.client.get(`/rounds/${id}`)).text()
    expect(page).toContain('Stimme teilen (Stimmgewicht 3)')
    const wrong = await heavy.client.form(`/rounds/${id}/split-ballot`, { initiativeId: heavy.initiativeId, part_yes: '2', part_no: '0', part_abstain: '0' })
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toContain('Die Teile ergeben zusammen 2')
    const ok = await heavy.client.form(`/rounds/${id}/split-ballot`, { initiativeId: heavy.initiativeId, part_yes: '2', part_no: '0', part_abstain: '1' })
    expect(ok.status).toBe(303)
    const after = await (await heavy.client.get(`/api/rounds/${id}`)).json()
    expect(after).toMatchObject({ myBallots: [expect.objectContaining({ split: { yes: 2, abstain: 1 } })] })
  })
})

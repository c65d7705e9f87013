import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addToInitiative, buildPerson } from '../../support/factories.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

interface Pending {
  notYetAnswered: Array<{ id: string; name: string; delegates: Array<{ id: string; name: string }> }> | null
  notYetAnsweredCount: number | null
}

describe('who has not answered yet', () => {
  it('lists the initiatives still to answer, with their delegates, in the API and on the page', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    const id = await openRoundVia(t, world)
    const [a, b, c] = world.delegates
    const second = buildPerson(t.db, { name: 'Zweite Delegierte' })
    addToInitiative(t.db, c!.initiativeId, second.id, 'delegate')
    await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })

    // Everyone who can see the round sees it: here the coordinator, who does not vote.
    const body = (await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as Pending
    expect(body.notYetAnsweredCount).toBe(2)
    expect(body.notYetAnswered!.map((p) => p.id).sort()).toEqual([b!.initiativeId, c!.initiativeId].sort())
    const pendingC = body.notYetAnswered!.find((p) => p.id === c!.initiativeId)!
    expect(pendingC.name).toMatch(/^Initiative/)
    expect(pendingC.delegates.map((d) => d.id).sort()).toEqual([c!.personId, second.id].sort())

    const html = await (await world.coordinator.get(`/rounds/${id}`)).text()
    expect(html).toContain('Noch nicht geantwortet')
    expect(html).toContain(pendingC.name)
    expect(html).toContain('Zweite Delegierte')
    const answeredName = (await (await a!.client.get(`/api/rounds/${id}`)).json()) as { myBallots: Array<{ voter: string }> }
    expect(html.slice(html.indexOf('id="pending-heading"'), html.indexOf('</section>', html.indexOf('id="pending-heading"')))).not.toContain(
      answeredName.myBallots[0]!.voter + '<',
    )
  })

  it('lists them in a secret round too: that somebody voted is not secret', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const id = await openRoundVia(t, world, { secret: true })
    await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    const body = (await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as Pending
    expect(body.notYetAnswered!.map((p) => p.id)).toEqual([world.delegates[1]!.initiativeId])
  })

  it('is gone once the round has ended', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const id = await openRoundVia(t, world)
    await world.coordinator.post(`/api/rounds/${id}/close`)
    const body = (await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as Pending
    expect(body.notYetAnswered).toBeNull()
    expect(await (await world.coordinator.get(`/rounds/${id}`)).text()).not.toContain('Noch nicht geantwortet')
  })

  it('names members still to answer in a round of the members', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const id = await openRoundVia(t, world, { electorate: 'members' })
    await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    const body = (await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as Pending
    expect(body.notYetAnswered).toEqual([expect.objectContaining({ id: world.delegates[1]!.personId, delegates: [] })])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../../db/connection.ts'
import { all } from '../../../db/query.ts'
import { writeDraft } from '../../support/drafts.ts'
import { addToInitiative, buildPerson, buildPosition } from '../../support/factories.ts'
import { buildRoundWorld, DAY, HOUR, openRoundVia, type RoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

interface Pending {
  notYetAnswered: Array<{ id: string; name: string; delegates: Array<{ id: string; name: string; proxy?: boolean }> }> | null
}

const mailsTo = (db: Db, kind: string) => all(db, db.q.selectFrom('mail_outbox').select('person_id').where('kind', '=', kind)).map((r) => r.person_id)

/** Initiative A (delegates[0], plus a second delegate) hands its vote to B's delegate (delegates[1]). */
async function handOn(world: RoundWorld, body: Record<string, unknown> = {}) {
  const [a, b] = world.delegates
  const res = await a!.client.post(`/api/initiatives/${a!.initiativeId}/proxies`, { toPersonId: b!.personId, ...body })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

describe('who answers for an initiative whose vote is handed on', () => {
  it('the “not yet answered” list names the proxy holder for A, not A’s delegates, in the API and on the page', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    const [a, b] = world.delegates
    const colleague = buildPerson(t.db, { name: 'Zweite Delegierte von A' })
    addToInitiative(t.db, a!.initiativeId, colleague.id, 'delegate')
    const id = await openRoundVia(t, world)
    await handOn(world, { roundId: id })
    const holderName = all(t.db, t.db.q.selectFrom('people').select('name').where('id', '=', b!.personId))[0]!.name

    const body = (await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as Pending
    const pendingA = body.notYetAnswered!.find((p) => p.id === a!.initiativeId)!
    expect(pendingA.delegates).toEqual([{ id: b!.personId, name: holderName, proxy: true }])
    // B answers for itself only: its own delegate is still listed for B.
    expect(body.notYetAnswered!.find((p) => p.id === b!.initiativeId)!.delegates).toEqual([{ id: b!.personId, name: holderName }])

    const html = await (await world.coordinator.get(`/rounds/${id}`)).text()
    const section = html.slice(html.indexOf('id="pending-heading"'), html.indexOf('</section>', html.indexOf('id="pending-heading"')))
    expect(section).toContain(`${holderName} (übertragen)`)
    expect(section).not.toContain('Zweite Delegierte von A')

    // Once the holder has answered for A, A is off the list.
    expect((await b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent', initiativeId: a!.initiativeId })).status).toBe(200)
    const after = (await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as Pending
    expect(after.notYetAnswered!.map((p) => p.id)).not.toContain(a!.initiativeId)
  })

  it('a revoked proxy gives the list back to A’s own delegates', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const [a] = world.delegates
    const id = await openRoundVia(t, world)
    const proxyId = await handOn(world)
    expect((await a!.client.delete(`/api/proxies/${proxyId}`)).status).toBe(204)
    const body = (await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as Pending
    expect(body.notYetAnswered!.find((p) => p.id === a!.initiativeId)!.delegates).toEqual([expect.objectContaining({ id: a!.personId })])
  })

  it('the closing-soon reminder and the coordinator’s nudge reach the proxy holder, not A’s delegates (who are refused)', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    const [a, b, c] = world.delegates
    const colleague = buildPerson(t.db)
    addToInitiative(t.db, a!.initiativeId, colleague.id, 'delegate')
    // A standing proxy (every round until revoked), given before the round opens.
    await handOn(world)
    const id = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + 3 * DAY).toISOString() })
    // B answers for itself; A's vote and C's are still missing.
    expect((await b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent', initiativeId: b!.initiativeId })).status).toBe(200)
    const own = await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    expect(own.status).toBe(409)
    expect(await own.json()).toMatchObject({ error: { code: 'proxy_active' } })

    t.clock.advance(2 * DAY + HOUR)
    await t.deps.notifications.runOnce(t.deps)
    expect(mailsTo(t.db, 'closing_soon').sort()).toEqual([b!.personId, c!.personId].sort())

    expect((await world.coordinator.post(`/api/rounds/${id}/nudge`)).status).toBe(200)
    expect(mailsTo(t.db, 'nudge').sort()).toEqual([b!.personId, c!.personId].sort())
  })

  it('a proxy for one round leaves another open round alone: there A’s delegate answers and is reminded, the holder is not', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    const [a, b, c] = world.delegates
    const first = await openRoundVia(t, world)
    await handOn(world, { roundId: first })
    const otherPosition = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinatorId }).id
    writeDraft(t.db, otherPosition, ['Zweiter Text.'])
    const second = await openRoundVia(t, { ...world, positionId: otherPosition })

    const view = (await (await b!.client.get(`/api/rounds/${second}`)).json()) as Pending & { proxies: unknown[]; myBallots: unknown[] }
    expect(view.proxies).toEqual([])
    expect(view.myBallots).toHaveLength(1)
    expect(view.notYetAnswered!.find((p) => p.id === a!.initiativeId)!.delegates).toEqual([expect.objectContaining({ id: a!.personId })])

    expect((await b!.client.put(`/api/rounds/${second}/ballot`, { choice: 'consent' })).status).toBe(200)
    expect((await world.coordinator.post(`/api/rounds/${second}/nudge`)).status).toBe(200)
    expect(mailsTo(t.db, 'nudge').sort()).toEqual([a!.personId, c!.personId].sort())
    expect((await a!.client.put(`/api/rounds/${second}/ballot`, { choice: 'consent' })).status).toBe(200)
  })
})

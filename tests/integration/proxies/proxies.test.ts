import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { addToInitiative, buildInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { buildRoundWorld, openRoundVia, type RoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

interface RoundJson {
  proxies: Array<{ initiative: { id: string; name: string }; to: { id: string; name: string; initiatives: string[] } }>
  myBallots: Array<{ initiativeId: string; viaProxy: boolean; handedOn: boolean; answered: boolean; choice: string | null }>
  answers: Array<{ voterKey: string; choice: string; castBy: { id: string } }> | null
}

/** Initiative A (delegates[0]) hands its vote to B's delegate (delegates[1]). */
async function handOn(world: RoundWorld, body: Record<string, unknown> = {}) {
  const [a, b] = world.delegates
  const res = await a!.client.post(`/api/initiatives/${a!.initiativeId}/proxies`, { toPersonId: b!.personId, ...body })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

describe('handing on a vote', () => {
  it('the holder casts A’s ballot separately from B’s, choosing the initiative; the round lists the proxy', async () => {
    const world = buildRoundWorld(t, { weights: [2, 1, 1] })
    const id = await openRoundVia(t, world, { kind: 'vote', majority: 'simple' })
    const proxyId = await handOn(world, { roundId: id })
    const [a, b] = world.delegates

    const view = (await (await b!.client.get(`/api/rounds/${id}`)).json()) as RoundJson
    expect(view.proxies).toEqual([expect.objectContaining({ initiative: expect.objectContaining({ id: a!.initiativeId }), to: expect.objectContaining({ id: b!.personId }) })])
    expect(view.myBallots.map((m) => [m.initiativeId, m.viaProxy])).toEqual(expect.arrayContaining([[a!.initiativeId, true], [b!.initiativeId, false]]))

    // Two slots: the holder must say for which initiative.
    expect((await b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'yes' })).status).toBe(400)
    expect((await b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'yes', initiativeId: a!.initiativeId })).status).toBe(200)
    expect((await b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'no', initiativeId: b!.initiativeId })).status).toBe(200)

    const after = (await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as RoundJson
    expect(after.answers?.find((x) => x.voterKey === a!.initiativeId)).toMatchObject({ choice: 'yes', castBy: { id: b!.personId } })
    // A's own delegate may not cast, and may no longer revoke for this open round.
    const own = await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'no' })
    expect(own.status).toBe(409)
    expect(await own.json()).toMatchObject({ error: { code: 'proxy_active' } })
    const revoke = await a!.client.delete(`/api/proxies/${proxyId}`)
    expect(revoke.status).toBe(409)
    expect(await revoke.json()).toMatchObject({ error: { code: 'proxy_used' } })
    // The holder may change the proxied ballot while the round is open.
    expect((await b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'abstain', initiativeId: a!.initiativeId })).status).toBe(200)

    const page = await (await world.coordinator.get(`/rounds/${id}`)).text()
    expect(page).toMatch(/hat seine Stimme für diese Runde an .+ übertragen/)

    const actions = auditEventsFor(t.db, 'initiative', a!.initiativeId).map((e) => e.action)
    expect(actions).toContain('proxy.grant')
  })

  it('A’s delegates may revoke until a ballot was cast for A, and then answer themselves', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    const id = await openRoundVia(t, world)
    const proxyId = await handOn(world)
    const a = world.delegates[0]!
    expect((await a.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })).status).toBe(409)
    expect((await a.client.delete(`/api/proxies/${proxyId}`)).status).toBe(204)
    expect((await a.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })).status).toBe(200)
    const view = (await (await world.delegates[1]!.client.get(`/api/rounds/${id}`)).json()) as RoundJson
    expect(view.proxies).toEqual([])
    expect(view.myBallots).toHaveLength(1)
    expect(auditEventsFor(t.db, 'initiative', a.initiativeId).map((e) => e.action)).toEqual(['proxy.grant', 'proxy.revoke'])
  })

  it('nobody carries more votes than the alliance allows (default 2, their own included); an admin can raise it', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    const [a, b, c] = world.delegates
    await handOn(world)
    const second = await c!.client.post(`/api/initiatives/${c!.initiativeId}/proxies`, { toPersonId: b!.personId })
    expect(second.status).toBe(409)
    const body = (await second.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('proxy_limit')
    expect(body.error.message).toMatch(/höchstens 2/)
    const admin = buildPerson(t.db, { admin: true })
    const adminClient = t.client.as(sessionCookie(t.db, admin.id, t.clock.now()))
    expect((await b!.client.put('/api/alliance/proxy-settings', { maxVotes: 3 })).status).toBe(403)
    expect((await adminClient.put('/api/alliance/proxy-settings', { maxVotes: 3 })).status).toBe(200)
    expect((await c!.client.post(`/api/initiatives/${c!.initiativeId}/proxies`, { toPersonId: b!.personId })).status).toBe(201)
    void a
  })

  it('refuses a proxy to a non-delegate, to A’s own delegate, by a non-delegate, and a second one', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const [a, b] = world.delegates
    const plain = buildPerson(t.db)
    expect((await a!.client.post(`/api/initiatives/${a!.initiativeId}/proxies`, { toPersonId: plain.id })).status).toBe(400)
    const colleague = buildPerson(t.db)
    addToInitiative(t.db, a!.initiativeId, colleague.id, 'delegate')
    expect((await a!.client.post(`/api/initiatives/${a!.initiativeId}/proxies`, { toPersonId: colleague.id })).status).toBe(400)
    expect((await b!.client.post(`/api/initiatives/${a!.initiativeId}/proxies`, { toPersonId: b!.personId })).status).toBe(403)
    await handOn(world)
    const other = buildInitiative(t.db)
    const otherDelegate = buildPerson(t.db)
    addToInitiative(t.db, other.id, otherDelegate.id, 'delegate')
    expect((await a!.client.post(`/api/initiatives/${a!.initiativeId}/proxies`, { toPersonId: otherDelegate.id })).status).toBe(409)
  })

  it('a proxy and A’s own delegate casting at the same moment leave exactly one ballot for A', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const id = await openRoundVia(t, world)
    await handOn(world)
    const [a, b] = world.delegates
    const responses = await Promise.all([
      a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: 'Nein.' }),
      b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent', initiativeId: a!.initiativeId }),
    ])
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409])
    const rows = t.db.sqlite.prepare('select voter_key, choice, cast_by from ballots where round_id = ?').all(id)
    expect(rows).toEqual([{ voter_key: a!.initiativeId, choice: 'consent', cast_by: b!.personId }])
  })

  it('in a secret round the proxy is public, how it was used is not linked to the holder anywhere', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    const id = await openRoundVia(t, world, { kind: 'vote', majority: 'simple', visibility: 'secret', secret: undefined })
    await handOn(world, { roundId: id })
    const [a, b, c] = world.delegates
    expect((await b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'no', initiativeId: a!.initiativeId })).status).toBe(200)
    expect((await b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'yes', initiativeId: b!.initiativeId })).status).toBe(200)
    expect((await c!.client.put(`/api/rounds/${id}/ballot`, { choice: 'yes' })).status).toBe(200)
    await world.coordinator.post(`/api/rounds/${id}/close`, {})

    const json = await (await b!.client.get(`/api/rounds/${id}`)).text()
    const view = JSON.parse(json) as RoundJson & { myBallots: Array<{ choice: string | null }> }
    expect(view.proxies).toHaveLength(1)
    expect(view.answers).toBeNull()
    expect(view.myBallots.every((m) => m.choice === null)).toBe(true)
    const page = await (await b!.client.get(`/rounds/${id}`)).text()
    expect(page).toMatch(/hat seine Stimme für diese Runde an/)
    const csv = await (await world.coordinator.get(`/api/rounds/${id}/result.csv`)).text()
    expect(csv).not.toContain(b!.personId)
    // The audit log says who took part (public in secret rounds), never what.
    for (const e of auditEventsFor(t.db, 'round', id)) expect(e.data).not.toMatch(/"choice"|"no"|"yes"/)
    // No table row joins the holder or A to an answer.
    const secretColumns = (t.db.sqlite.prepare('pragma table_info(secret_ballots)').all() as Array<{ name: string }>).map((x) => x.name)
    expect(secretColumns).not.toContain('voter_key')
    const uses = t.db.sqlite.prepare('select * from proxy_uses').all() as Array<Record<string, unknown>>
    expect(Object.keys(uses[0]!).sort()).toEqual(['initiative_id', 'proxy_id', 'round_id'])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { coSignOffersFor } from '../../../server/publishing/panel-data.ts'
import { addToInitiative, buildInitiative } from '../../support/factories.ts'
import { adoptedPosition, buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let world: PublishingWorld

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t, { initiatives: 3 })
})
afterAll(() => t.close())

async function published(opts: Parameters<typeof adoptedPosition>[2] = {}) {
  const position = await adoptedPosition(t, world, opts)
  const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
  expect(res.status).toBe(200)
  return position
}

async function signatories(slug: string): Promise<string[]> {
  const one = (await (await t.client.get(`/api/public/positions/${slug}`)).json()) as { signatories: Array<{ name: string }> }
  return one.signatories.map((s) => s.name)
}

describe('co-signing', () => {
  it('lets a delegate co-sign for their initiative and take it back', async () => {
    const position = await published()
    const [a] = world.delegates
    const res = await t.client.as(a!.cookie).post(`/api/positions/${position.id}/signatures`, { initiativeId: a!.initiativeId })
    expect(res.status).toBe(201)
    expect(await signatories(position.slug)).toEqual([a!.initiativeName])
    expect(await (await t.client.get(`/p/${position.slug}`)).text()).toContain(`<li>${a!.initiativeName}</li>`)

    const twice = await t.client.as(a!.cookie).post(`/api/positions/${position.id}/signatures`, { initiativeId: a!.initiativeId })
    expect(twice.status).toBe(200)
    expect(await signatories(position.slug)).toEqual([a!.initiativeName])

    const back = await t.client.as(a!.cookie).delete(`/api/positions/${position.id}/signatures/${a!.initiativeId}`)
    expect(back.status).toBe(204)
    expect(await signatories(position.slug)).toEqual([])
    expect(auditEventsFor(t.db, 'position', position.id).map((e) => e.action)).toEqual(
      expect.arrayContaining(['signature.add', 'signature.remove']),
    )
  })

  it('only for an initiative the person is a delegate of', async () => {
    const position = await published()
    const [a, b] = world.delegates
    const foreign = await t.client.as(a!.cookie).post(`/api/positions/${position.id}/signatures`, { initiativeId: b!.initiativeId })
    expect(foreign.status).toBe(403)
    const member = buildInitiative(t.db)
    addToInitiative(t.db, member.id, world.member.id, 'member')
    const notDelegate = await t.client.as(world.member.cookie).post(`/api/positions/${position.id}/signatures`, { initiativeId: member.id })
    expect(notDelegate.status).toBe(403)
    const spokesperson = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/signatures`, { initiativeId: a!.initiativeId })
    expect(spokesperson.status).toBe(403)
    expect((await t.client.post(`/api/positions/${position.id}/signatures`, { initiativeId: a!.initiativeId })).status).toBe(401)
    await t.client.as(a!.cookie).post(`/api/positions/${position.id}/signatures`, { initiativeId: a!.initiativeId })
    const takeForeign = await t.client.as(b!.cookie).delete(`/api/positions/${position.id}/signatures/${a!.initiativeId}`)
    expect(takeForeign.status).toBe(403)
    expect(await signatories(position.slug)).toEqual([a!.initiativeName])
  })

  it('only on published positions', async () => {
    const adopted = await adoptedPosition(t, world)
    const [a] = world.delegates
    const early = await t.client.as(a!.cookie).post(`/api/positions/${adopted.id}/signatures`, { initiativeId: a!.initiativeId })
    expect(early.status).toBe(409)

    const position = await published()
    await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/withdraw`, { reason: 'Überholt' })
    const late = await t.client.as(a!.cookie).post(`/api/positions/${position.id}/signatures`, { initiativeId: a!.initiativeId })
    expect(late.status).toBe(409)
    expect((await t.client.as(a!.cookie).post('/api/positions/nosuch/signatures', { initiativeId: a!.initiativeId })).status).toBe(404)
  })

  it('works with plain forms and comes back to the page', async () => {
    const position = await published()
    const [, , c] = world.delegates
    const page = await (await t.client.as(c!.cookie).get(`/p/${position.slug}`)).text()
    expect(page).toContain(`Für ${c!.initiativeName} mitzeichnen`)
    const res = await t.client.as(c!.cookie).form(`/positions/${position.id}/signatures`, { initiativeId: c!.initiativeId, back: `/p/${position.slug}` })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/p/${position.slug}`)
    const after = await (await t.client.as(c!.cookie).get(`/p/${position.slug}`)).text()
    expect(after).toContain(`Mitzeichnung von ${c!.initiativeName} zurücknehmen`)
    const undo = await t.client.as(c!.cookie).form(`/positions/${position.id}/signatures/${c!.initiativeId}/delete`, { back: 'https://evil.example/' })
    expect(undo.status).toBe(303)
    expect(undo.headers.get('location')).toBe('/')
    expect(await signatories(position.slug)).toEqual([])
  })
})

describe('co-signing offers', () => {
  it('offers a published position to initiatives that consented or voted yes, until they sign', async () => {
    const position = await published({ plan: { answers: ['consent', 'stand_aside', 'concern'] } })
    const [a, b, c] = world.delegates
    const offered = (d: typeof a) => coSignOffersFor(t.deps, d!.id).some((o) => o.positionId === position.id)
    expect(offered(a)).toBe(true)
    expect(offered(b)).toBe(false)
    expect(offered(c)).toBe(true)
    await t.client.as(a!.cookie).post(`/api/positions/${position.id}/signatures`, { initiativeId: a!.initiativeId })
    expect(offered(a)).toBe(false)

    const vote = await published({ plan: { kind: 'vote', answers: ['yes', 'no', 'yes'] } })
    const votedYes = coSignOffersFor(t.deps, a!.id).some((o) => o.positionId === vote.id)
    const votedNo = coSignOffersFor(t.deps, b!.id).some((o) => o.positionId === vote.id)
    expect([votedYes, votedNo]).toEqual([true, false])
  })

  it('makes no offers from secret rounds or for withdrawn positions', async () => {
    const secret = await published({ plan: { secret: true } })
    expect(coSignOffersFor(t.deps, world.delegates[0]!.id).some((o) => o.positionId === secret.id)).toBe(false)
    const withdrawn = await published()
    await t.client.as(world.spokesperson.cookie).post(`/api/positions/${withdrawn.id}/withdraw`, { reason: 'Überholt' })
    expect(coSignOffersFor(t.deps, world.delegates[0]!.id).some((o) => o.positionId === withdrawn.id)).toBe(false)
  })

  it('shows the offer on the start page, where one click co-signs', async () => {
    const position = await published({ title: 'Arbeitserlaubnis sofort' })
    const [, , c] = world.delegates
    const home = await (await t.client.as(c!.cookie).get('/')).text()
    expect(home).toContain('Zum Mitzeichnen')
    expect(home).toContain(`action="/positions/${position.id}/signatures"`)
    expect(home).toContain('Kürzlich veröffentlicht')
    const res = await t.client.as(c!.cookie).form(`/positions/${position.id}/signatures`, { initiativeId: c!.initiativeId, back: '/' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/')
    expect(await signatories(position.slug)).toEqual([c!.initiativeName])
    const after = await (await t.client.as(c!.cookie).get('/')).text()
    expect(after).not.toContain(`action="/positions/${position.id}/signatures"`)
  })
})

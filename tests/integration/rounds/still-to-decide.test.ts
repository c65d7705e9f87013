import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { all } from '../../../db/query.ts'
import { loadActor } from '../../../server/people/load-actor.ts'
import { getPerson } from '../../../server/people/person.repo.ts'
import { openRoundsAwaiting } from '../../../server/rounds/awaiting.ts'
import { addToInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { buildRoundWorld, DAY, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const actorOf = (personId: string) => loadActor(t.db, getPerson(t.db, personId)!)

describe('still to decide', () => {
  it('lists open rounds my initiative has not answered, soonest first, until it answers', async () => {
    const first = buildRoundWorld(t, { weights: [1, 1] })
    const late = await openRoundVia(t, first, { closesAt: new Date(t.clock.now() + 5 * DAY).toISOString() })
    const second = buildRoundWorld(t, { weights: [1] })
    // The delegate of the second world's initiative is also a delegate in the first world.
    addToInitiative(t.db, first.delegates[0]!.initiativeId, second.delegates[0]!.personId, 'delegate')
    const soon = await openRoundVia(t, second, { closesAt: new Date(t.clock.now() + 2 * DAY).toISOString() })

    const me = second.delegates[0]!
    const items = openRoundsAwaiting(t.deps, actorOf(me.personId))
    expect(items.map((i) => i.roundId)).toEqual([soon, late])
    expect(items.every((i) => i.canAnswer)).toBe(true)

    await me.client.put(`/api/rounds/${late}/ballot`, { choice: 'consent' })
    expect(openRoundsAwaiting(t.deps, actorOf(me.personId)).map((i) => i.roundId)).toEqual([soon])
  })

  it('tells plain members that their initiative has not answered, without asking them to vote', async () => {
    const world = buildRoundWorld(t, { weights: [1] })
    const member = buildPerson(t.db)
    addToInitiative(t.db, world.delegates[0]!.initiativeId, member.id, 'member')
    const id = await openRoundVia(t, world)
    const [item] = openRoundsAwaiting(t.deps, actorOf(member.id))
    expect(item).toMatchObject({ roundId: id, canAnswer: false })
  })

  it('drops rounds past their deadline', async () => {
    const world = buildRoundWorld(t, { weights: [1] })
    await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + DAY).toISOString() })
    t.clock.advance(DAY)
    expect(openRoundsAwaiting(t.deps, actorOf(world.delegates[0]!.personId))).toEqual([])
  })

  it('shows the section with time left on the start page', async () => {
    const world = buildRoundWorld(t, { weights: [1] })
    const id = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + 3 * DAY).toISOString() })
    const html = await (await world.delegates[0]!.client.get('/')).text()
    expect(html).toContain('<h2 id="home-still-to-decide">Noch zu entscheiden</h2>')
    expect(html).toContain(`href="/rounds/${id}"`)
    expect(html).toContain('noch 3 Tage')
    const nobody = buildPerson(t.db)
    const other = await (await t.client.as(sessionCookie(t.db, nobody.id, t.clock.now())).get('/')).text()
    expect(other).not.toContain('Noch zu entscheiden')
  })

  it('a proxy holder sees the round as waiting for their answer for the other initiative until they gave it; A’s delegate is told the holder answers', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    const [a, b, c] = world.delegates
    const id = await openRoundVia(t, world)
    expect((await a!.client.post(`/api/initiatives/${a!.initiativeId}/proxies`, { toPersonId: b!.personId, roundId: id })).status).toBe(201)
    const initiativeName = (initiativeId: string) => all(t.db, t.db.q.selectFrom('initiatives').select('name').where('id', '=', initiativeId))[0]!.name

    // B answers for itself: the round still waits for the holder, now only for A.
    expect((await b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent', initiativeId: b!.initiativeId })).status).toBe(200)
    const [held] = openRoundsAwaiting(t.deps, actorOf(b!.personId))
    expect(held).toMatchObject({ roundId: id, canAnswer: true, handedOn: false, pendingFor: [{ name: initiativeName(a!.initiativeId), viaProxy: true }] })
    const home = await (await b!.client.get('/')).text()
    expect(home).toContain(`${initiativeName(a!.initiativeId)} (Stimme an dich übertragen)`)
    expect(home).toContain('Jetzt antworten')
    const [handedOn] = openRoundsAwaiting(t.deps, actorOf(a!.personId))
    expect(handedOn).toMatchObject({ roundId: id, canAnswer: false, handedOn: true })
    expect(await (await a!.client.get('/')).text()).toContain('Deine Initiative hat ihre Stimme übertragen')

    // The nudge reaches exactly those the list asks to answer.
    expect((await world.coordinator.post(`/api/rounds/${id}/nudge`)).status).toBe(200)
    const nudged = all(t.db, t.db.q.selectFrom('mail_outbox').select('person_id').where('kind', '=', 'nudge')).map((r) => r.person_id)
    const asked = [a!, b!, c!].filter((d) => openRoundsAwaiting(t.deps, actorOf(d.personId)).some((i) => i.roundId === id && i.canAnswer)).map((d) => d.personId)
    expect(nudged.sort()).toEqual(asked.sort())

    expect((await b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent', initiativeId: a!.initiativeId })).status).toBe(200)
    expect(openRoundsAwaiting(t.deps, actorOf(b!.personId))).toEqual([])
    expect(openRoundsAwaiting(t.deps, actorOf(a!.personId))).toEqual([])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { addToInitiative, buildInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

interface RoundBody {
  participation: { count: number; weight: number }
  myBallots: Array<{ voterKey: string; answered: boolean; choice: string | null; reason: string | null }>
  answers: Array<{ voter: string; choice: string; reason: string | null }> | null
  reasons: Array<{ choice: string; reason: string; voter: string | null }>
}

describe('casting ballots in an open round', () => {
  it('records one ballot per initiative; casting again changes it and keeps the history', async () => {
    const world = buildRoundWorld(t, { weights: [2, 1] })
    const id = await openRoundVia(t, world)
    const [a] = world.delegates
    const first = await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: 'Absatz 2 fehlt.' })
    expect(first.status).toBe(200)
    expect(await first.json()).toMatchObject({ choice: 'objection', reason: 'Absatz 2 fehlt.', changed: false, voterKey: a!.initiativeId })

    // A second delegate of the same initiative answers for it too: the latest answer counts.
    const colleague = buildPerson(t.db)
    addToInitiative(t.db, a!.initiativeId, colleague.id, 'delegate')
    const colleagueClient = t.client.as(sessionCookie(t.db, colleague.id, t.clock.now()))
    // Replacing a colleague's answer needs `replace: true`.
    const unconfirmed = await colleagueClient.put(`/api/rounds/${id}/ballot`, { choice: 'concern', reason: 'Trotzdem ok.' })
    expect(unconfirmed.status).toBe(409)
    expect(await unconfirmed.json()).toMatchObject({ error: { code: 'replace_unconfirmed' } })
    const second = await colleagueClient.put(`/api/rounds/${id}/ballot`, { choice: 'concern', reason: 'Trotzdem ok.', replace: true })
    expect(await second.json()).toMatchObject({ choice: 'concern', changed: true })

    const view = (await (await a!.client.get(`/api/rounds/${id}`)).json()) as RoundBody
    expect(view.participation).toEqual({ count: 1, weight: 2 })
    expect(view.myBallots).toEqual([expect.objectContaining({ voterKey: a!.initiativeId, answered: true, choice: 'concern', reason: 'Trotzdem ok.' })])
    expect(view.answers).toHaveLength(1)
    expect(view.answers![0]).toMatchObject({ choice: 'concern' })

    const history = t.db.sqlite.prepare('select choice from ballot_history where round_id = ? order by id').all(id)
    expect(history).toEqual([{ choice: 'objection' }, { choice: 'concern' }])
    expect(auditEventsFor(t.db, 'round', id).map((e) => [e.action, JSON.parse(e.data).choice])).toEqual([
      ['round.open', undefined],
      ['ballot.cast', 'objection'],
      ['ballot.change', 'concern'],
    ])
  })

  it('refuses an objection without a reason, with a message that says so', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    const res = await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: '   ' })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string; field: string; message: string } }
    expect(body.error).toMatchObject({ code: 'validation', field: 'reason' })
    expect(body.error.message).toMatch(/Einwand/)
  })

  it('refuses an answer the kind of round does not have', async () => {
    const world = buildRoundWorld(t)
    const consent = await openRoundVia(t, world)
    const res = await world.delegates[0]!.client.put(`/api/rounds/${consent}/ballot`, { choice: 'yes' })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'validation', field: 'choice' } })
    expect((await world.delegates[0]!.client.put(`/api/rounds/${consent}/ballot`, { choice: 'perhaps' })).status).toBe(400)
  })

  it('refuses voters outside the electorate with 403', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    const member = buildPerson(t.db)
    addToInitiative(t.db, world.delegates[0]!.initiativeId, member.id, 'member')
    const res = await t.client.as(sessionCookie(t.db, member.id, t.clock.now())).put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    expect(res.status).toBe(403)
    // An initiative founded after the round opened is not in the snapshot.
    const late = buildInitiative(t.db)
    const lateDelegate = buildPerson(t.db)
    addToInitiative(t.db, late.id, lateDelegate.id, 'delegate')
    expect((await t.client.as(sessionCookie(t.db, lateDelegate.id, t.clock.now())).put(`/api/rounds/${id}/ballot`, { choice: 'consent' })).status).toBe(403)
  })

  it('asks a delegate of several initiatives which one they answer for', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const [a, b] = world.delegates
    addToInitiative(t.db, b!.initiativeId, a!.personId, 'delegate')
    const id = await openRoundVia(t, world)
    const unclear = await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    expect(unclear.status).toBe(400)
    expect(await unclear.json()).toMatchObject({ error: { field: 'initiativeId' } })
    expect((await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent', initiativeId: b!.initiativeId })).status).toBe(200)
    expect((await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'stand_aside', initiativeId: a!.initiativeId })).status).toBe(200)
    expect((await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent', initiativeId: 'someone-else' })).status).toBe(403)
    const view = (await (await a!.client.get(`/api/rounds/${id}`)).json()) as RoundBody
    expect(view.myBallots.map((m) => m.choice).sort()).toEqual(['consent', 'stand_aside'])
  })

  it('lets members vote for themselves in a members round', async () => {
    const world = buildRoundWorld(t, { weights: [3] })
    const member = buildPerson(t.db)
    addToInitiative(t.db, world.delegates[0]!.initiativeId, member.id, 'member')
    const id = await openRoundVia(t, world, { kind: 'vote', electorate: 'members' })
    const client = t.client.as(sessionCookie(t.db, member.id, t.clock.now()))
    expect(await (await client.put(`/api/rounds/${id}/ballot`, { choice: 'yes' })).json()).toMatchObject({ voterKey: member.id })
    const view = (await (await client.get(`/api/rounds/${id}`)).json()) as RoundBody
    expect(view.participation).toEqual({ count: 1, weight: 1 })
  })

  it('answers 404 for an unknown round and 401 without a session', async () => {
    const world = buildRoundWorld(t)
    expect((await world.delegates[0]!.client.put('/api/rounds/nope/ballot', { choice: 'consent' })).status).toBe(404)
    expect((await t.client.get('/api/rounds/nope')).status).toBe(401)
    expect((await world.delegates[0]!.client.get('/api/rounds/nope')).status).toBe(404)
    expect((await world.delegates[0]!.client.get('/api/positions/nope/rounds')).status).toBe(404)
  })
})

describe('secret rounds', () => {
  it('accepts one final answer, shows participation but not who answered what', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    const id = await openRoundVia(t, world, { kind: 'vote', secret: true })
    const [a, b] = world.delegates
    expect((await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'yes' })).status).toBe(200)
    const again = await a!.client.put(`/api/rounds/${id}/ballot`, { choice: 'no' })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ error: { code: 'ballot_final' } })
    await b!.client.put(`/api/rounds/${id}/ballot`, { choice: 'no', reason: 'Zu vage.' })

    const view = (await (await a!.client.get(`/api/rounds/${id}`)).json()) as RoundBody
    expect(view.participation).toEqual({ count: 2, weight: 2 })
    expect(view.answers).toBeNull()
    expect(view.reasons).toEqual([])
    expect(view.myBallots).toEqual([expect.objectContaining({ answered: true, choice: null, reason: null })])
    const audit = auditEventsFor(t.db, 'round', id).filter((e) => e.action === 'ballot.cast')
    expect(audit).toHaveLength(2)
    for (const event of audit) {
      expect(Object.keys(JSON.parse(event.data)).sort()).toEqual(['secret', 'voter'])
      expect(event.data).not.toContain('Zu vage')
    }
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { addToInitiative, buildInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { buildRoundWorld, DAY, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const inAWeek = () => new Date(t.clock.now() + 7 * DAY).toISOString()

describe('opening a round', () => {
  it('freezes the draft, snapshots the electorate and makes the draft read-only', async () => {
    const world = buildRoundWorld(t, { weights: [1, 2, 3] })
    const events: Array<{ positionId: string; readonly: boolean }> = []
    t.deps.events.on('draft-readonly', (e) => events.push(e))
    const res = await world.coordinator.post(`/api/positions/${world.positionId}/rounds`, {
      kind: 'vote',
      electorate: 'initiatives',
      majority: 'two_thirds',
      quorum: 0.5,
      secret: false,
      closesAt: inAWeek(),
    })
    expect(res.status).toBe(201)
    const round = (await res.json()) as Record<string, unknown>
    expect(round).toMatchObject({ positionId: world.positionId, versionNumber: 1, status: 'open', kind: 'vote', majority: 'two_thirds', quorum: 0.5, secret: false })

    const position = t.db.sqlite.prepare('select status, draft_readonly from positions where id = ?').get(world.positionId)
    expect(position).toEqual({ status: 'in_round', draft_readonly: 1 })
    expect(events).toEqual([{ positionId: world.positionId, readonly: true }])

    const view = (await (await world.delegates[0]!.client.get(`/api/rounds/${round.id}`)).json()) as Record<string, unknown>
    expect(view.electorateSize).toEqual({ count: 3, weight: 6 })
    expect(view.participation).toEqual({ count: 0, weight: 0 })

    // A later change of a weight does not change the snapshot.
    t.db.sqlite.prepare('update initiatives set weight = 10 where id = ?').run(world.delegates[0]!.initiativeId)
    const again = (await (await world.delegates[0]!.client.get(`/api/rounds/${round.id}`)).json()) as Record<string, unknown>
    expect(again.electorateSize).toEqual({ count: 3, weight: 6 })
    expect(auditEventsFor(t.db, 'round', round.id as string).map((e) => e.action)).toEqual(['round.open'])
  })

  it('decides on a named existing version without freezing a new one', async () => {
    const world = buildRoundWorld(t)
    await world.coordinator.post(`/api/positions/${world.positionId}/versions`)
    await world.coordinator.post(`/api/positions/${world.positionId}/versions`)
    const id = await openRoundVia(t, world, { versionNumber: 1 })
    const view = (await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as { versionNumber: number }
    expect(view.versionNumber).toBe(1)
    const count = t.db.sqlite.prepare('select count(*) as n from versions where position_id = ?').get(world.positionId) as { n: number }
    expect(count.n).toBe(2)
  })

  it('refuses a second round while one is open', async () => {
    const world = buildRoundWorld(t)
    await openRoundVia(t, world)
    const res = await world.coordinator.post(`/api/positions/${world.positionId}/rounds`, { kind: 'consent', quorum: 0.5, secret: false, closesAt: inAWeek() })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'round_open' } })
  })

  it('lets only coordinators of the group and admins open rounds', async () => {
    const world = buildRoundWorld(t)
    const body = { kind: 'consent', quorum: 0.5, secret: false, closesAt: inAWeek() }
    expect((await world.delegates[0]!.client.post(`/api/positions/${world.positionId}/rounds`, body)).status).toBe(403)
    const admin = buildPerson(t.db, { admin: true })
    expect((await t.client.as(sessionCookie(t.db, admin.id, t.clock.now())).post(`/api/positions/${world.positionId}/rounds`, body)).status).toBe(201)
  })

  it.each([
    ['a deadline in the past', { closesAt: new Date(Date.parse('2026-11-20T10:00:00Z')).toISOString() }, 'closesAt'],
    ['a majority for a consent round', { majority: 'simple' }, 'majority'],
    ['a quorum above 100 %', { quorum: 1.5 }, 'quorum'],
    ['an unknown field', { weights: 1 }, 'weights'],
    ['an unknown version', { versionNumber: 9 }, 'versionNumber'],
  ])('refuses %s', async (_name, override, field) => {
    const world = buildRoundWorld(t)
    const res = await world.coordinator.post(`/api/positions/${world.positionId}/rounds`, {
      kind: 'consent',
      quorum: 0.5,
      secret: false,
      closesAt: inAWeek(),
      ...override,
    })
    expect([400, 404]).toContain(res.status)
    expect(((await res.json()) as { error: { field?: string } }).error.field).toBe(field)
    expect(t.db.sqlite.prepare('select status from positions where id = ?').get(world.positionId)).toEqual({ status: 'drafting' })
  })

  it('uses a simple majority for a vote that names none', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { kind: 'vote' })
    expect(((await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as { majority: string }).majority).toBe('simple')
  })

  it('snapshots members: every enabled person of an active initiative, weight 1', async () => {
    const world = buildRoundWorld(t, { weights: [5] })
    const initiative = world.delegates[0]!.initiativeId
    const member = buildPerson(t.db)
    addToInitiative(t.db, initiative, member.id, 'member')
    const disabled = buildPerson(t.db, { disabled: true })
    addToInitiative(t.db, initiative, disabled.id, 'member')
    const inactive = buildInitiative(t.db, { active: false })
    addToInitiative(t.db, inactive.id, buildPerson(t.db).id, 'member')
    const id = await openRoundVia(t, world, { electorate: 'members' })
    const view = (await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as { electorateSize: unknown }
    expect(view.electorateSize).toEqual({ count: 2, weight: 2 })
  })

  it('leaves initiatives with weight 0 out of the electorate', async () => {
    const world = buildRoundWorld(t, { weights: [1, 0] })
    const id = await openRoundVia(t, world)
    const view = (await (await world.coordinator.get(`/api/rounds/${id}`)).json()) as { electorateSize: unknown }
    expect(view.electorateSize).toEqual({ count: 1, weight: 1 })
    const res = await world.delegates[1]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    expect(res.status).toBe(403)
  })
})

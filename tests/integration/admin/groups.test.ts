import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { loadActor } from '../../../server/people/load-actor.ts'
import { getPerson } from '../../../server/people/person.repo.ts'
import { can } from '../../../shared/policy.ts'
import { buildGroup, buildPerson } from '../../support/factories.ts'
import { adminWorld, errorOf, type AdminWorld } from './world.ts'

let w: AdminWorld
beforeAll(async () => {
  w = await adminWorld()
})
afterAll(() => w.t.close())

describe('POST /api/groups', () => {
  it('creates a working group with a slug from its name', async () => {
    const res = await w.admin.post('/api/groups', { name: 'Sprachförderung', description: 'Kurse, Tandems, Material' })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toEqual({ id: expect.any(String), name: 'Sprachförderung', slug: 'sprachfoerderung', description: 'Kurse, Tandems, Material' })
    expect(auditEventsFor(w.t.db, 'group', body.id).map((e) => e.action)).toEqual(['group.create'])
  })

  it('refuses a second group with the same slug (409)', async () => {
    const res = await w.admin.post('/api/groups', { name: 'Sprachförderung' })
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toMatchObject({ code: 'duplicate', field: 'slug' })
  })

  it.each([
    ['a missing name', {}, 'name'],
    ['a 100,000-character name', { name: 'g'.repeat(100_000) }, 'name'],
    ['a description of the wrong type', { name: 'AG', description: ['x'] }, 'description'],
    ['an unknown field', { name: 'AG', coordinators: [] }, 'coordinators'],
  ])('refuses %s with 400', async (_label, body, field) => {
    const res = await w.admin.post('/api/groups', body)
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toMatchObject({ code: 'validation', field })
  })

  it('is for admins only', async () => {
    expect((await w.anonymous.post('/api/groups', { name: 'AG' })).status).toBe(401)
    expect((await w.person.post('/api/groups', { name: 'AG' })).status).toBe(403)
  })
})

describe('GET /api/groups', () => {
  it('lists groups for anyone signed in, not for visitors', async () => {
    const res = await w.person.get('/api/groups')
    expect(res.status).toBe(200)
    expect((await res.json()).groups.map((g: { slug: string }) => g.slug)).toContain('sprachfoerderung')
    expect((await w.anonymous.get('/api/groups')).status).toBe(401)
  })
})

describe('PATCH /api/groups/:id', () => {
  it('renames a group and changes its slug', async () => {
    const group = buildGroup(w.t.db, { name: 'Wohnen', slug: 'wohnen' })
    const res = await w.admin.patch(`/api/groups/${group.id}`, { name: 'Wohnen und Leben', slug: 'wohnen-und-leben' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ name: 'Wohnen und Leben', slug: 'wohnen-und-leben' })
    expect(auditEventsFor(w.t.db, 'group', group.id).map((e) => e.action)).toEqual(['group.update'])
  })

  it('refuses a taken slug, unknown ids and non-admins', async () => {
    const group = buildGroup(w.t.db)
    expect((await w.admin.patch(`/api/groups/${group.id}`, { slug: 'sprachfoerderung' })).status).toBe(409)
    expect((await w.admin.patch('/api/groups/nope', { name: 'X' })).status).toBe(404)
    expect((await w.person.patch(`/api/groups/${group.id}`, { name: 'X' })).status).toBe(403)
    expect((await w.anonymous.patch(`/api/groups/${group.id}`, { name: 'X' })).status).toBe(401)
    expect((await w.admin.patch(`/api/groups/${group.id}`, { slug: 'Nicht Gültig' })).status).toBe(400)
  })
})

describe('group members', () => {
  it('adds members and coordinators, toggles coordination, removes, and shows them in GET /api/groups/:id', async () => {
    const group = buildGroup(w.t.db, { name: 'Ombudsstelle' })
    const anna = buildPerson(w.t.db, { name: 'Anna Koordinatorin' })
    const ben = buildPerson(w.t.db, { name: 'Ben Mitglied' })
    const url = `/api/groups/${group.id}/members`

    const a = await w.admin.post(url, { personId: anna.id, coordinator: true })
    expect(a.status).toBe(201)
    expect(await a.json()).toEqual({ groupId: group.id, personId: anna.id, coordinator: true })
    expect((await w.admin.post(url, { personId: ben.id })).status).toBe(201)

    const detail = await w.person.get(`/api/groups/${group.id}`)
    expect(await detail.json()).toMatchObject({
      name: 'Ombudsstelle',
      members: [
        { id: anna.id, name: 'Anna Koordinatorin', coordinator: true },
        { id: ben.id, name: 'Ben Mitglied', coordinator: false },
      ],
    })

    const toggled = await w.admin.post(url, { personId: ben.id, coordinator: true })
    expect(toggled.status).toBe(200)
    const actor = loadActor(w.t.db, getPerson(w.t.db, ben.id)!)
    expect(can(actor, { type: 'round.open', groupId: group.id })).toBe(true)

    expect((await w.admin.delete(`${url}/${anna.id}`)).status).toBe(204)
    const after = await (await w.admin.get(`/api/groups/${group.id}`)).json()
    expect(after.members).toEqual([{ id: ben.id, name: 'Ben Mitglied', coordinator: true }])
    expect(auditEventsFor(w.t.db, 'group', group.id).map((e) => e.action)).toEqual([
      'group.member_add',
      'group.member_add',
      'group.member_coordinator',
      'group.member_remove',
    ])
  })

  it('answers 404 for unknown groups, people and memberships', async () => {
    const group = buildGroup(w.t.db)
    const p = buildPerson(w.t.db)
    expect((await w.admin.get('/api/groups/nope')).status).toBe(404)
    expect((await w.admin.post('/api/groups/nope/members', { personId: p.id })).status).toBe(404)
    expect((await w.admin.post(`/api/groups/${group.id}/members`, { personId: 'nobody' })).status).toBe(404)
    expect((await w.admin.delete(`/api/groups/${group.id}/members/${p.id}`)).status).toBe(404)
    expect((await w.admin.delete(`/api/groups/nope/members/${p.id}`)).status).toBe(404)
  })

  it('validates and guards member changes', async () => {
    const group = buildGroup(w.t.db)
    const url = `/api/groups/${group.id}/members`
    expect((await w.admin.post(url, { personId: w.personId, coordinator: 'ja' })).status).toBe(400)
    expect((await w.admin.post(url, {})).status).toBe(400)
    expect((await w.admin.post(url, { personId: w.personId, role: 'member' })).status).toBe(400)
    expect((await w.person.post(url, { personId: w.personId })).status).toBe(403)
    expect((await w.anonymous.post(url, { personId: w.personId })).status).toBe(401)
    expect((await w.person.delete(`${url}/${w.personId}`)).status).toBe(403)
  })
})

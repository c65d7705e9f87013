import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { loadActor } from '../../../server/people/load-actor.ts'
import { getPerson } from '../../../server/people/person.repo.ts'
import { can } from '../../../shared/policy.ts'
import { buildInitiative, buildPerson } from '../../support/factories.ts'
import { adminWorld, errorOf, type AdminWorld } from './world.ts'

let w: AdminWorld
beforeAll(async () => {
  w = await adminWorld()
})
afterAll(() => w.t.close())

describe('POST /api/initiatives', () => {
  it('creates an initiative with a German-aware slug and weight 1', async () => {
    const res = await w.admin.post('/api/initiatives', { name: 'Solidarisches Osnabrück' })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toEqual({ id: expect.any(String), name: 'Solidarisches Osnabrück', slug: 'solidarisches-osnabrueck', weight: 1, active: true })
    expect(w.audit('initiative', body.id)).toEqual(['initiative.create'])
  })

  it('turns ä, ö, ü and ß into ae, oe, ue and ss', async () => {
    const res = await w.admin.post('/api/initiatives', { name: 'Flüchtlingshilfe Straße der Ärzte & Öfen' })
    expect((await res.json()).slug).toBe('fluechtlingshilfe-strasse-der-aerzte-oefen')
  })

  it('takes a given slug and weight', async () => {
    const res = await w.admin.post('/api/initiatives', { name: 'Café Winsen', slug: 'cafe-winsen', weight: 2 })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ slug: 'cafe-winsen', weight: 2 })
  })

  it('refuses a taken slug, given or generated, with 409', async () => {
    const given = await w.admin.post('/api/initiatives', { name: 'Anderes Café', slug: 'cafe-winsen' })
    expect(given.status).toBe(409)
    expect(await errorOf(given)).toMatchObject({ code: 'duplicate', field: 'slug' })
    const generated = await w.admin.post('/api/initiatives', { name: 'Solidarisches Osnabrück' })
    expect(generated.status).toBe(409)
    expect((await errorOf(generated)).message).toContain('solidarisches-osnabrueck')
  })

  it('answers 401 without a session and 403 for a non-admin', async () => {
    expect((await w.anonymous.post('/api/initiatives', { name: 'X' })).status).toBe(401)
    const res = await w.person.post('/api/initiatives', { name: 'X' })
    expect(res.status).toBe(403)
    expect(await errorOf(res)).toMatchObject({ code: 'forbidden' })
  })

  it.each([
    ['a missing name', {}, 'name'],
    ['an empty name', { name: '   ' }, 'name'],
    ['a 100,000-character name', { name: 'x'.repeat(100_000) }, 'name'],
    ['a name of the wrong type', { name: 42 }, 'name'],
    ['an unknown field', { name: 'Neu', colour: 'red' }, 'colour'],
    ['a slug with spaces', { name: 'Neu', slug: 'mit leerzeichen' }, 'slug'],
    ['a slug with capitals', { name: 'Neu', slug: 'Gross' }, 'slug'],
    ['a fractional weight', { name: 'Neu', weight: 1.5 }, 'weight'],
    ['a negative weight', { name: 'Neu', weight: -1 }, 'weight'],
    ['a weight above 1000', { name: 'Neu', weight: 1001 }, 'weight'],
    ['a weight given as text', { name: 'Neu', weight: '2' }, 'weight'],
  ])('refuses %s with 400 naming the field', async (_label, body, field) => {
    const res = await w.admin.post('/api/initiatives', body)
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe('validation')
    expect(error.field).toBe(field)
    expect(error.message).toContain(field)
  })

  it('refuses malformed JSON and a wrong content type with 400', async () => {
    const malformed = await w.admin.post('/api/initiatives', '{"name": ', { 'content-type': 'application/json' })
    expect(malformed.status).toBe(400)
    const wrongType = await w.admin.post('/api/initiatives', 'name=Neu', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(wrongType.status).toBe(400)
  })

  it('writes nothing when the input is refused', async () => {
    const before = (await (await w.admin.get('/api/initiatives')).json()).initiatives.length
    await w.admin.post('/api/initiatives', { name: 'y'.repeat(100_000) })
    const after = (await (await w.admin.get('/api/initiatives')).json()).initiatives.length
    expect(after).toBe(before)
  })
})

describe('GET /api/initiatives', () => {
  it('lists initiatives for any signed-in person', async () => {
    const res = await w.person.get('/api/initiatives')
    expect(res.status).toBe(200)
    const { initiatives } = await res.json()
    expect(initiatives.map((i: { name: string }) => i.name)).toContain('Solidarisches Osnabrück')
    expect(initiatives[0]).toEqual({ id: expect.any(String), name: expect.any(String), slug: expect.any(String), weight: expect.any(Number), active: expect.any(Boolean) })
  })

  it('needs a session', async () => {
    expect((await w.anonymous.get('/api/initiatives')).status).toBe(401)
  })

  it('shows one initiative with its members, or 404', async () => {
    const initiative = buildInitiative(w.t.db, { name: 'Mit Mitgliedern' })
    await w.admin.post(`/api/initiatives/${initiative.id}/members`, { personId: w.personId, role: 'member' })
    const res = await w.person.get(`/api/initiatives/${initiative.id}`)
    expect(await res.json()).toMatchObject({ name: 'Mit Mitgliedern', members: [{ id: w.personId, name: 'Paula Person', role: 'member' }] })
    expect((await w.person.get('/api/initiatives/unknown')).status).toBe(404)
  })
})

describe('PATCH /api/initiatives/:id', () => {
  it('changes name, slug, weight and active, and records the old and new values', async () => {
    const initiative = buildInitiative(w.t.db, { name: 'Alt', slug: 'alt' })
    const res = await w.admin.patch(`/api/initiatives/${initiative.id}`, { name: 'Neu', slug: 'neu', weight: 3, active: false })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ id: initiative.id, name: 'Neu', slug: 'neu', weight: 3, active: false })
    const events = auditEventsFor(w.t.db, 'initiative', initiative.id)
    expect(events.map((e) => e.action)).toEqual(['initiative.update'])
    expect(JSON.parse(events[0]!.data)).toEqual({
      before: { name: 'Alt', slug: 'alt', weight: 1, active: 1 },
      after: { name: 'Neu', slug: 'neu', weight: 3, active: 0 },
    })
    expect(events[0]!.actor_id).toBe(w.adminId)
  })

  it('accepts weight 0 and 1000 but nothing outside', async () => {
    const initiative = buildInitiative(w.t.db)
    expect((await w.admin.patch(`/api/initiatives/${initiative.id}`, { weight: 0 })).status).toBe(200)
    expect((await w.admin.patch(`/api/initiatives/${initiative.id}`, { weight: 1000 })).status).toBe(200)
    expect((await w.admin.patch(`/api/initiatives/${initiative.id}`, { weight: 1001 })).status).toBe(400)
    expect((await w.admin.patch(`/api/initiatives/${initiative.id}`, { active: 'yes' })).status).toBe(400)
  })

  it('refuses a slug another initiative has with 409', async () => {
    const a = buildInitiative(w.t.db, { slug: 'erste' })
    buildInitiative(w.t.db, { slug: 'zweite' })
    const res = await w.admin.patch(`/api/initiatives/${a.id}`, { slug: 'zweite' })
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toMatchObject({ code: 'duplicate', field: 'slug' })
  })

  it('answers 404 for an unknown initiative, 403 for non-admins, 401 without session', async () => {
    expect((await w.admin.patch('/api/initiatives/nope', { name: 'X' })).status).toBe(404)
    const initiative = buildInitiative(w.t.db)
    expect((await w.person.patch(`/api/initiatives/${initiative.id}`, { name: 'X' })).status).toBe(403)
    expect((await w.anonymous.patch(`/api/initiatives/${initiative.id}`, { name: 'X' })).status).toBe(401)
  })

  it('refuses unknown fields', async () => {
    const initiative = buildInitiative(w.t.db)
    const res = await w.admin.patch(`/api/initiatives/${initiative.id}`, { id: 'other' })
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toMatchObject({ field: 'id' })
  })
})

describe('initiative members', () => {
  it('adds a delegate (201), changes the role on re-posting (200) and removes (204)', async () => {
    const initiative = buildInitiative(w.t.db)
    const person = buildPerson(w.t.db)
    const url = `/api/initiatives/${initiative.id}/members`
    const added = await w.admin.post(url, { personId: person.id, role: 'delegate' })
    expect(added.status).toBe(201)
    expect(await added.json()).toEqual({ initiativeId: initiative.id, personId: person.id, role: 'delegate' })

    const changed = await w.admin.post(url, { personId: person.id, role: 'member' })
    expect(changed.status).toBe(200)
    expect(await changed.json()).toMatchObject({ role: 'member' })
    const detail = await (await w.admin.get(`/api/initiatives/${initiative.id}`)).json()
    expect(detail.members).toEqual([{ id: person.id, name: expect.any(String), role: 'member' }])

    const removed = await w.admin.delete(`${url}/${person.id}`)
    expect(removed.status).toBe(204)
    expect((await (await w.admin.get(`/api/initiatives/${initiative.id}`)).json()).members).toEqual([])
    expect(w.audit('initiative', initiative.id)).toEqual(['initiative.member_add', 'initiative.member_role', 'initiative.member_remove'])
  })

  it('a person made delegate may then act for the initiative (the policy sees the membership)', async () => {
    const initiative = buildInitiative(w.t.db)
    await w.admin.post(`/api/initiatives/${initiative.id}/members`, { personId: w.personId, role: 'delegate' })
    const actor = loadActor(w.t.db, getPerson(w.t.db, w.personId)!)
    expect(can(actor, { type: 'signature.manage', initiativeId: initiative.id })).toBe(true)
  })

  it('answers 404 for an unknown initiative, person or membership', async () => {
    const initiative = buildInitiative(w.t.db)
    const person = buildPerson(w.t.db)
    expect((await w.admin.post('/api/initiatives/nope/members', { personId: person.id, role: 'member' })).status).toBe(404)
    const unknownPerson = await w.admin.post(`/api/initiatives/${initiative.id}/members`, { personId: 'nobody', role: 'member' })
    expect(unknownPerson.status).toBe(404)
    expect(await errorOf(unknownPerson)).toMatchObject({ code: 'not_found', field: 'personId' })
    expect((await w.admin.delete(`/api/initiatives/${initiative.id}/members/${person.id}`)).status).toBe(404)
    expect((await w.admin.delete(`/api/initiatives/nope/members/${person.id}`)).status).toBe(404)
  })

  it('validates the role and refuses non-admins', async () => {
    const initiative = buildInitiative(w.t.db)
    const url = `/api/initiatives/${initiative.id}/members`
    const bad = await w.admin.post(url, { personId: w.personId, role: 'boss' })
    expect(bad.status).toBe(400)
    expect(await errorOf(bad)).toMatchObject({ field: 'role' })
    expect((await w.admin.post(url, { personId: w.personId })).status).toBe(400)
    expect((await w.person.post(url, { personId: w.personId, role: 'delegate' })).status).toBe(403)
    expect((await w.person.delete(`${url}/${w.personId}`)).status).toBe(403)
    expect((await w.anonymous.delete(`${url}/${w.personId}`)).status).toBe(401)
  })
})

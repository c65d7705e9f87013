import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { all } from '../../../db/query.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { testApp, type TestApp, type TestClient } from '../../support/test-app.ts'

let t: TestApp
let group: { id: string; slug: string }
let otherGroup: { id: string; slug: string }
let member: TestClient
let outsider: TestClient
let admin: TestClient
let memberId: string

beforeAll(async () => {
  t = await testApp()
  group = buildGroup(t.db, { name: 'AG Wohnen' })
  otherGroup = buildGroup(t.db, { name: 'AG Arbeit' })
  const m = buildPerson(t.db, { name: 'Mira Delegierte' })
  memberId = m.id
  addToGroup(t.db, group.id, m.id)
  const o = buildPerson(t.db, { name: 'Olli Außen' })
  const a = buildPerson(t.db, { name: 'Ada Admin', admin: true })
  member = t.client.as(sessionCookie(t.db, m.id, t.clock.now()))
  outsider = t.client.as(sessionCookie(t.db, o.id, t.clock.now()))
  admin = t.client.as(sessionCookie(t.db, a.id, t.clock.now()))
})
afterAll(() => t.close())

function auditActions(objectId: string): string[] {
  return all(t.db, t.db.q.selectFrom('audit_events').select('action').where('object_id', '=', objectId).orderBy('id')).map((r) => r.action)
}

describe('POST /api/positions', () => {
  it('lets a group member start a position in drafting with a German-aware slug', async () => {
    const res = await member.post('/api/positions', { groupId: group.id, title: '  Wohnraum für   Geflüchtete ' })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toMatchObject({ slug: 'wohnraum-fuer-gefluechtete', title: 'Wohnraum für Geflüchtete', status: 'drafting', groupId: group.id })
    expect(body.id).toEqual(expect.any(String))
    expect(auditActions(body.id)).toEqual(['position.create'])
  })

  it('numbers the slug when the title is taken', async () => {
    const first = await (await member.post('/api/positions', { groupId: group.id, title: 'Sprachkurse' })).json()
    const second = await (await member.post('/api/positions', { groupId: group.id, title: 'Sprachkurse!' })).json()
    const third = await (await admin.post('/api/positions', { groupId: otherGroup.id, title: 'sprachkurse' })).json()
    expect([first.slug, second.slug, third.slug]).toEqual(['sprachkurse', 'sprachkurse-2', 'sprachkurse-3'])
  })

  it('gives a title without letters a usable slug', async () => {
    const body = await (await member.post('/api/positions', { groupId: group.id, title: '???' })).json()
    expect(body.slug).toMatch(/^position(-\d+)?$/)
  })

  it('lets an admin create in any group', async () => {
    const res = await admin.post('/api/positions', { groupId: otherGroup.id, title: 'Arbeitsmarktzugang' })
    expect(res.status).toBe(201)
  })

  it('refuses people outside the group', async () => {
    const res = await outsider.post('/api/positions', { groupId: group.id, title: 'Nicht meins' })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } })
  })

  it('refuses visitors', async () => {
    const res = await t.client.post('/api/positions', { groupId: group.id, title: 'Anonym' })
    expect(res.status).toBe(401)
  })

  it('answers 404 for an unknown group', async () => {
    const res = await admin.post('/api/positions', { groupId: 'nope', title: 'Irgendwo' })
    expect(res.status).toBe(404)
  })

  it.each([
    ['an empty title', { title: '   ' }],
    ['a title that is too long', { title: 'x'.repeat(201) }],
    ['an unknown field', { title: 'ok', status: 'adopted' }],
    ['a missing title', {}],
  ])('refuses %s', async (_name, fields) => {
    const res = await member.post('/api/positions', { groupId: group.id, ...fields })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'validation' } })
  })
})

describe('GET /api/positions', () => {
  it('lists all positions, or those of one group, with status and last edit', async () => {
    const edited = buildPosition(t.db, { groupId: otherGroup.id, title: 'Zuletzt bearbeitet' })
    t.db.sqlite.prepare('update positions set last_edit_at = ? where id = ?').run(Date.parse('2026-11-22T08:00:00Z'), edited.id)

    const everything = await (await outsider.get('/api/positions')).json()
    expect(everything.positions.length).toBeGreaterThan(3)
    expect(everything.positions[0]).toMatchObject({ id: edited.id, status: 'drafting', lastEditAt: '2026-11-22T08:00:00.000Z', groupName: 'AG Arbeit' })

    const mine = await (await outsider.get(`/api/positions?groupId=${group.id}`)).json()
    expect(mine.positions.length).toBeGreaterThan(0)
    expect(mine.positions.every((p: { groupId: string }) => p.groupId === group.id)).toBe(true)
  })

  it('refuses visitors and unknown query parameters', async () => {
    expect((await t.client.get('/api/positions')).status).toBe(401)
    expect((await member.get('/api/positions?status=x')).status).toBe(400)
  })
})

describe('GET and PATCH /api/positions/:id', () => {
  it('shows one position to anyone signed in', async () => {
    const p = buildPosition(t.db, { groupId: group.id, title: 'Einsehbar' })
    const res = await outsider.get(`/api/positions/${p.id}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: p.id, title: 'Einsehbar', status: 'drafting', draftReadonly: false, lastEditAt: null })
    expect((await outsider.get('/api/positions/nope')).status).toBe(404)
    expect((await t.client.get(`/api/positions/${p.id}`)).status).toBe(401)
  })

  it('lets a member rename while drafting, keeps the slug and records it', async () => {
    const created = await (await member.post('/api/positions', { groupId: group.id, title: 'Alter Titel' })).json()
    const res = await member.patch(`/api/positions/${created.id}`, { title: 'Neuer Titel' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ title: 'Neuer Titel', slug: created.slug })
    expect(auditActions(created.id)).toEqual(['position.create', 'position.rename'])
    const audit = all(t.db, t.db.q.selectFrom('audit_events').selectAll().where('object_id', '=', created.id).where('action', '=', 'position.rename'))
    expect(audit[0]).toMatchObject({ actor_id: memberId })
    expect(JSON.parse(audit[0]!.data)).toEqual({ from: 'Alter Titel', to: 'Neuer Titel' })
  })

  it('refuses renames by outsiders, of unknown positions, and outside drafting', async () => {
    const p = buildPosition(t.db, { groupId: group.id })
    expect((await outsider.patch(`/api/positions/${p.id}`, { title: 'X' })).status).toBe(403)
    expect((await member.patch('/api/positions/nope', { title: 'X' })).status).toBe(404)
    expect((await member.patch(`/api/positions/${p.id}`, { title: '' })).status).toBe(400)
    expect((await t.client.patch(`/api/positions/${p.id}`, { title: 'X' })).status).toBe(401)
    const inRound = buildPosition(t.db, { groupId: group.id, status: 'in_round', readonly: true })
    const res = await member.patch(`/api/positions/${inRound.id}`, { title: 'Während der Runde' })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_state' } })
  })

  it('refuses a rename sent from another site', async () => {
    const p = buildPosition(t.db, { groupId: group.id })
    const res = await member.patch(`/api/positions/${p.id}`, { title: 'CSRF' }, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { inspectSetupLink } from '../../../server/auth/setup-links.ts'
import { getPerson } from '../../../server/people/person.repo.ts'
import { addToGroup, addToInitiative, buildGroup, buildInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { TEST_ORIGIN } from '../../support/test-app.ts'
import { adminWorld, errorOf, type AdminWorld } from './world.ts'

let w: AdminWorld
beforeAll(async () => {
  w = await adminWorld()
})
afterAll(() => w.t.close())

describe('POST /api/people', () => {
  it('creates a person without password and returns a one-time setup link', async () => {
    const res = await w.admin.post('/api/people', { email: 'Leyla.Yilmaz@Example.org', name: 'Leyla Yılmaz', roles: ['spokesperson'] })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toMatchObject({
      id: expect.any(String),
      email: 'leyla.yilmaz@example.org',
      name: 'Leyla Yılmaz',
      roles: ['spokesperson'],
      disabled: false,
      passwordSet: false,
    })
    expect(body.setupUrl).toMatch(new RegExp(`^${TEST_ORIGIN}/setup/[A-Za-z0-9._-]+$`))
    expect(body.setupExpiresAt).toBeGreaterThan(w.t.clock.now())
    expect(body).not.toHaveProperty('password_hash')
    const events = auditEventsFor(w.t.db, 'person', body.id)
    expect(events.map((e) => e.action)).toEqual(['person.create'])
    expect(JSON.parse(events[0]!.data)).toMatchObject({ email: 'leyla.yilmaz@example.org', invited: true })
    expect(events[0]!.actor_id).toBe(w.adminId)
    expect(events[0]!.data).not.toContain('/setup/')
  })

  it('creates a person with a password (stored as an argon2id hash) and no link', async () => {
    const res = await w.admin.post('/api/people', { email: 'jonas.becker@example.org', name: 'Jonas Becker', password: 'Kaffee-und-Kuchen-42', roles: ['admin'] })
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toMatchObject({ roles: ['admin'], passwordSet: true })
    expect(body).not.toHaveProperty('setupUrl')
    expect(getPerson(w.t.db, body.id)!.password_hash).toMatch(/^\$argon2id\$/)
  })

  it('refuses a password that breaks the rules, naming the field', async () => {
    const short = await w.admin.post('/api/people', { email: 'kurz@example.org', name: 'Kurz', password: 'abc' })
    expect(short.status).toBe(400)
    expect(await errorOf(short)).toMatchObject({ code: 'validation', field: 'password' })
    const common = await w.admin.post('/api/people', { email: 'common@example.org', name: 'Common', password: 'password123' })
    expect(common.status).toBe(400)
    const people = (await (await w.admin.get('/api/people')).json()).people.map((p: { email: string }) => p.email)
    expect(people).not.toContain('kurz@example.org')
  })

  it('refuses a duplicate email, whatever its case, with 409', async () => {
    const res = await w.admin.post('/api/people', { email: 'LEYLA.yilmaz@example.org', name: 'Jemand' })
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toMatchObject({ code: 'duplicate', field: 'email' })
  })

  it.each([
    ['a missing email', { name: 'Ohne Mail' }, 'email'],
    ['an invalid email', { name: 'X', email: 'nicht-mail' }, 'email'],
    ['a missing name', { email: 'a@example.org' }, 'name'],
    ['a 100,000-character name', { email: 'b@example.org', name: 'n'.repeat(100_000) }, 'name'],
    ['an unknown role', { email: 'c@example.org', name: 'X', roles: ['king'] }, 'roles.0'],
    ['roles not as a list', { email: 'd@example.org', name: 'X', roles: 'admin' }, 'roles'],
    ['an unknown field', { email: 'e@example.org', name: 'X', isAdmin: true }, 'isAdmin'],
  ])('refuses %s with 400', async (_label, body, field) => {
    const res = await w.admin.post('/api/people', body)
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toMatchObject({ code: 'validation', field })
  })

  it('is for admins only', async () => {
    expect((await w.anonymous.post('/api/people', { email: 'x@example.org', name: 'X' })).status).toBe(401)
    expect((await w.person.post('/api/people', { email: 'x@example.org', name: 'X' })).status).toBe(403)
  })
})

describe('GET /api/people', () => {
  it('lists people for admins, never with password hashes', async () => {
    const res = await w.admin.get('/api/people')
    expect(res.status).toBe(200)
    const { people } = await res.json()
    expect(people.length).toBeGreaterThanOrEqual(2)
    expect(JSON.stringify(people)).not.toContain('argon2')
    expect(people.find((p: { id: string }) => p.id === w.adminId)).toMatchObject({ roles: ['admin'], disabled: false })
  })

  it('is refused to non-admins and visitors', async () => {
    expect((await w.person.get('/api/people')).status).toBe(403)
    expect((await w.anonymous.get('/api/people')).status).toBe(401)
  })

  it('shows one person with memberships, or 404', async () => {
    const p = buildPerson(w.t.db, { name: 'Mira Mitglied' })
    const initiative = buildInitiative(w.t.db, { name: 'Initiative M' })
    const group = buildGroup(w.t.db, { name: 'AG M' })
    addToInitiative(w.t.db, initiative.id, p.id, 'member')
    addToGroup(w.t.db, group.id, p.id, true)
    const res = await w.admin.get(`/api/people/${p.id}`)
    expect(await res.json()).toMatchObject({
      name: 'Mira Mitglied',
      initiatives: [{ id: initiative.id, name: 'Initiative M', role: 'member' }],
      groups: [{ id: group.id, name: 'AG M', coordinator: true }],
    })
    expect((await w.admin.get('/api/people/nobody')).status).toBe(404)
  })
})

describe('PATCH /api/people/:id', () => {
  it('changes name, email and roles and records them', async () => {
    const p = buildPerson(w.t.db, { name: 'Alte Name', email: 'alt@example.org' })
    const res = await w.admin.patch(`/api/people/${p.id}`, { name: 'Neue Name', email: 'Neu@Example.org', roles: ['spokesperson', 'admin'] })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ name: 'Neue Name', email: 'neu@example.org', roles: ['admin', 'spokesperson'] })
    const [event] = auditEventsFor(w.t.db, 'person', p.id)
    expect(event!.action).toBe('person.update')
    expect(JSON.parse(event!.data)).toEqual({
      before: { name: 'Alte Name', email: 'alt@example.org', is_admin: 0, is_spokesperson: 0 },
      after: { name: 'Neue Name', email: 'neu@example.org', is_admin: 1, is_spokesperson: 1 },
    })
  })

  it('refuses an email another person has with 409', async () => {
    const a = buildPerson(w.t.db, { email: 'eins@example.org' })
    buildPerson(w.t.db, { email: 'zwei@example.org' })
    const res = await w.admin.patch(`/api/people/${a.id}`, { email: 'ZWEI@example.org' })
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toMatchObject({ code: 'duplicate', field: 'email' })
  })

  it('disabling ends all the person’s sessions and tells live connections', async () => {
    const p = buildPerson(w.t.db)
    const first = w.t.client.as(sessionCookie(w.t.db, p.id, w.t.clock.now()))
    const second = w.t.client.as(sessionCookie(w.t.db, p.id, w.t.clock.now()))
    expect((await first.get('/api/groups')).status).toBe(200)
    const disabledEvents: string[] = []
    w.t.deps.events.on('person-disabled', ({ personId }) => disabledEvents.push(personId))

    const res = await w.admin.patch(`/api/people/${p.id}`, { disabled: true })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ disabled: true })
    expect((await first.get('/api/groups')).status).toBe(401)
    expect((await second.get('/api/groups')).status).toBe(401)
    expect(disabledEvents).toEqual([p.id])

    // Enabling again does not bring old sessions back: the person logs in anew.
    await w.admin.patch(`/api/people/${p.id}`, { disabled: false })
    expect((await first.get('/api/groups')).status).toBe(401)
    expect(disabledEvents).toEqual([p.id])
  })

  it('refuses to take the admin role from, or disable, the last active admin (409)', async () => {
    const t2 = await adminWorld()
    try {
      const demote = await t2.admin.patch(`/api/people/${t2.adminId}`, { roles: [] })
      expect(demote.status).toBe(409)
      const error = await errorOf(demote)
      expect(error).toMatchObject({ code: 'last_admin', field: 'roles' })
      expect(error.message).toMatch(/Administration/)
      const disable = await t2.admin.patch(`/api/people/${t2.adminId}`, { disabled: true })
      expect(disable.status).toBe(409)
      expect(await errorOf(disable)).toMatchObject({ code: 'last_admin', field: 'disabled' })
      // Still an admin with a working session.
      expect((await t2.admin.get('/api/people')).status).toBe(200)

      // A disabled second admin does not count; an active one does.
      const other = buildPerson(t2.t.db, { admin: true, disabled: true })
      expect((await t2.admin.patch(`/api/people/${t2.adminId}`, { roles: [] })).status).toBe(409)
      expect((await t2.admin.patch(`/api/people/${other.id}`, { disabled: false })).status).toBe(200)
      const now = await t2.admin.patch(`/api/people/${t2.adminId}`, { roles: ['spokesperson'] })
      expect(now.status).toBe(200)
      expect(await now.json()).toMatchObject({ roles: ['spokesperson'] })
      // The former admin's session still exists but may no longer administer.
      expect((await t2.admin.get('/api/people')).status).toBe(403)
    } finally {
      t2.t.close()
    }
  })

  it('validates input and answers 404 / 403 / 401', async () => {
    const p = buildPerson(w.t.db)
    expect((await w.admin.patch(`/api/people/${p.id}`, { disabled: 'true' })).status).toBe(400)
    expect((await w.admin.patch(`/api/people/${p.id}`, { name: 'x'.repeat(100_000) })).status).toBe(400)
    expect((await w.admin.patch(`/api/people/${p.id}`, { password: 'Geheim-Passwort-1' })).status).toBe(400)
    expect((await w.admin.patch('/api/people/nobody', { name: 'X' })).status).toBe(404)
    expect((await w.person.patch(`/api/people/${p.id}`, { name: 'X' })).status).toBe(403)
    expect((await w.anonymous.patch(`/api/people/${p.id}`, { name: 'X' })).status).toBe(401)
  })
})

describe('POST /api/people/:id/invite', () => {
  it('gives a new setup link that replaces the previous one', async () => {
    const created = await (await w.admin.post('/api/people', { email: 'neu.eingeladen@example.org', name: 'Neu Eingeladen' })).json()
    const res = await w.admin.post(`/api/people/${created.id}/invite`)
    expect(res.status).toBe(201)
    const { setupUrl } = await res.json()
    expect(setupUrl).toMatch(/\/setup\//)
    expect(setupUrl).not.toBe(created.setupUrl)
    expect(auditEventsFor(w.t.db, 'person', created.id).map((e) => e.action)).toEqual(['person.create', 'person.invite'])
    // The old link no longer opens the setup page; the new one does.
    const token = (url: string) => url.slice(url.lastIndexOf('/') + 1)
    expect(inspectSetupLink(w.t.deps, token(created.setupUrl))).toBeNull()
    expect(inspectSetupLink(w.t.deps, token(setupUrl))).toMatchObject({ purpose: 'invite' })
  })

  it('refuses to invite a disabled person (409), an unknown one (404), and non-admins', async () => {
    const disabled = buildPerson(w.t.db, { disabled: true })
    expect((await w.admin.post(`/api/people/${disabled.id}/invite`)).status).toBe(409)
    expect((await w.admin.post('/api/people/nobody/invite')).status).toBe(404)
    expect((await w.person.post(`/api/people/${w.personId}/invite`)).status).toBe(403)
    expect((await w.anonymous.post(`/api/people/${w.personId}/invite`)).status).toBe(401)
  })
})

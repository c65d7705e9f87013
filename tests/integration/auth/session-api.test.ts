import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../../server/auth/passwords.ts'
import { addToGroup, addToInitiative, buildGroup, buildInitiative, buildPerson, sessionCookie } from '../../support/factories.ts'
import { cookieFrom, testApp, type TestApp, TEST_HASH_COST } from '../../support/test-app.ts'

const PASSWORD = 'Wohnraum für alle Menschen'
let t: TestApp
let hash: string

beforeAll(async () => {
  t = await testApp()
  hash = await hashPassword(PASSWORD, TEST_HASH_COST)
})
afterAll(() => t.close())

function person(opts: Parameters<typeof buildPerson>[1] = {}) {
  return buildPerson(t.db, { passwordHash: hash, ...opts })
}

describe('POST /api/session', () => {
  it('logs in with the right password and sets the session cookie', async () => {
    const p = person({ name: 'Jonas Becker', locale: 'de' })
    const res = await t.client.post('/api/session', { email: p.email, password: PASSWORD })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ user: { id: p.id, email: p.email, name: 'Jonas Becker', locale: 'de' } })
    const cookie = cookieFrom(res)
    expect(cookie).toBeDefined()
    const me = await t.client.as(cookie).get('/api/me')
    expect(me.status).toBe(200)
  })

  it('ignores case and surrounding spaces in the email', async () => {
    const p = person()
    const res = await t.client.post('/api/session', { email: `  ${p.email.toUpperCase()} `, password: PASSWORD })
    expect(res.status).toBe(200)
  })

  it('sets the cookie HttpOnly, SameSite=Lax, Path=/ and not Secure over http', async () => {
    const p = person()
    const res = await t.client.post('/api/session', { email: p.email, password: PASSWORD })
    const line = res.headers.getSetCookie().find((l) => l.startsWith('sprachrohr_session='))!
    expect(line).toMatch(/;\s*HttpOnly/i)
    expect(line).toMatch(/;\s*SameSite=Lax/i)
    expect(line).toMatch(/;\s*Path=\//i)
    expect(line).not.toMatch(/;\s*Secure/i)
    expect(line).toMatch(/;\s*Expires=/i)
  })

  it('answers a wrong password and an unknown email the same way: 401 with the same message', async () => {
    const p = person()
    const wrong = await t.client.post('/api/session', { email: p.email, password: 'falsches Passwort 1' })
    const unknown = await t.client.post('/api/session', { email: 'niemand@example.org', password: PASSWORD })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const a = await wrong.json()
    const b = await unknown.json()
    expect(a).toEqual(b)
    expect(a).toEqual({ error: { code: 'unauthenticated', message: 'E-Mail oder Passwort stimmt nicht.' } })
    expect(cookieFrom(wrong)).toBeUndefined()
  })

  it('answers in English when the browser asks for it', async () => {
    const res = await t.client.post('/api/session', { email: 'niemand@example.org', password: PASSWORD }, { 'accept-language': 'en' })
    expect((await res.json()).error.message).toBe('Email or password is not correct.')
  })

  it('refuses a disabled person and one who has not set a password yet, like a wrong password', async () => {
    const disabled = person({ disabled: true })
    const noPassword = person({ passwordHash: null })
    for (const p of [disabled, noPassword]) {
      const res = await t.client.post('/api/session', { email: p.email, password: PASSWORD })
      expect(res.status).toBe(401)
      expect((await res.json()).error.message).toBe('E-Mail oder Passwort stimmt nicht.')
    }
  })

  it('gives a fresh token at every login', async () => {
    const p = person()
    const first = cookieFrom(await t.client.post('/api/session', { email: p.email, password: PASSWORD }))
    const second = cookieFrom(await t.client.post('/api/session', { email: p.email, password: PASSWORD }))
    expect(first).toBeDefined()
    expect(second).toBeDefined()
    expect(first).not.toBe(second)
  })

  it('ends the old session when logging in again from the same browser', async () => {
    const p = person()
    const old = cookieFrom(await t.client.post('/api/session', { email: p.email, password: PASSWORD }))
    const res = await t.client.as(old).post('/api/session', { email: p.email, password: PASSWORD })
    expect(res.status).toBe(200)
    expect((await t.client.as(old).get('/api/me')).status).toBe(401)
  })
})

describe('DELETE /api/session', () => {
  it('logs out: 204, the cookie is cleared and the old cookie no longer works', async () => {
    const p = person()
    const cookie = cookieFrom(await t.client.post('/api/session', { email: p.email, password: PASSWORD }))
    const res = await t.client.as(cookie).delete('/api/session')
    expect(res.status).toBe(204)
    const cleared = res.headers.getSetCookie().find((l) => l.startsWith('sprachrohr_session='))
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i)
    const me = await t.client.as(cookie).get('/api/me')
    expect(me.status).toBe(401)
    expect((await me.json()).error.code).toBe('unauthenticated')
  })

  it('is harmless without a session', async () => {
    expect((await t.client.delete('/api/session')).status).toBe(204)
  })
})

describe('GET /api/me', () => {
  it('answers 401 without a session', async () => {
    const res = await t.client.get('/api/me')
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } })
  })

  it('describes the person with roles and memberships', async () => {
    const p = person({ name: 'Leyla Demir', admin: true, spokesperson: true })
    const ini = buildInitiative(t.db)
    const inactive = buildInitiative(t.db, { active: false })
    const group = buildGroup(t.db)
    const other = buildGroup(t.db)
    addToInitiative(t.db, ini.id, p.id, 'delegate')
    addToInitiative(t.db, inactive.id, p.id, 'member')
    addToGroup(t.db, group.id, p.id, true)
    addToGroup(t.db, other.id, p.id, false)
    const res = await t.client.as(sessionCookie(t.db, p.id, t.clock.now())).get('/api/me')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toEqual({
      id: p.id,
      email: p.email,
      name: 'Leyla Demir',
      locale: null,
      roles: ['admin', 'spokesperson'],
      initiatives: [{ id: ini.id, role: 'delegate' }],
      groups: expect.arrayContaining([
        { id: group.id, coordinator: true },
        { id: other.id, coordinator: false },
      ]),
    })
    expect(body.groups).toHaveLength(2)
  })

  it('answers 401 for a person who was disabled after logging in', async () => {
    const p = person()
    const cookie = sessionCookie(t.db, p.id, t.clock.now())
    t.db.sqlite.prepare('update people set disabled = 1 where id = ?').run(p.id)
    expect((await t.client.as(cookie).get('/api/me')).status).toBe(401)
  })
})

describe('PATCH /api/me', () => {
  it('changes name and language', async () => {
    const p = person()
    const cookie = sessionCookie(t.db, p.id, t.clock.now())
    const res = await t.client.as(cookie).patch('/api/me', { name: 'Neuer Name', locale: 'en' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ name: 'Neuer Name', locale: 'en' })
    const back = await t.client.as(cookie).patch('/api/me', { locale: null })
    expect(await back.json()).toMatchObject({ locale: null })
  })

  it('needs the current password to set a new one', async () => {
    const p = person()
    const cookie = sessionCookie(t.db, p.id, t.clock.now())
    const without = await t.client.as(cookie).patch('/api/me', { password: 'ein ganz neues Passwort' })
    expect(without.status).toBe(400)
    expect(await without.json()).toMatchObject({ error: { code: 'validation', field: 'currentPassword' } })
    const wrong = await t.client.as(cookie).patch('/api/me', { password: 'ein ganz neues Passwort', currentPassword: 'nicht richtig' })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({ error: { field: 'currentPassword', message: 'Dein bisheriges Passwort stimmt nicht.' } })
  })

  it('refuses a new password that breaks the rules, and changes nothing else then', async () => {
    const p = person({ name: 'Vorher' })
    const cookie = sessionCookie(t.db, p.id, t.clock.now())
    const res = await t.client.as(cookie).patch('/api/me', { name: 'Nachher', password: 'password', currentPassword: PASSWORD })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { field: 'password' } })
    expect((await (await t.client.as(cookie).get('/api/me')).json()).name).toBe('Vorher')
  })

  it('changes the password and ends the other sessions, keeping this device logged in', async () => {
    const p = person()
    const other = sessionCookie(t.db, p.id, t.clock.now())
    const here = cookieFrom(await t.client.post('/api/session', { email: p.email, password: PASSWORD }))
    const res = await t.client.as(here).patch('/api/me', { password: 'ein ganz neues Passwort', currentPassword: PASSWORD })
    expect(res.status).toBe(200)
    const renewed = cookieFrom(res)
    expect(renewed).toBeDefined()
    expect((await t.client.as(renewed).get('/api/me')).status).toBe(200)
    expect((await t.client.as(other).get('/api/me')).status).toBe(401)
    expect((await t.client.post('/api/session', { email: p.email, password: PASSWORD })).status).toBe(401)
    expect((await t.client.post('/api/session', { email: p.email, password: 'ein ganz neues Passwort' })).status).toBe(200)
  })

  it('answers 401 without a session', async () => {
    expect((await t.client.patch('/api/me', { name: 'x' })).status).toBe(401)
  })
})

describe('bad input', () => {
  async function loginError(body: unknown, headers: Record<string, string> = {}) {
    const res = await t.client.post('/api/session', body, headers)
    return { status: res.status, body: (await res.json()) as { error: { code: string; message: string; field?: string } } }
  }

  it('names a missing field', async () => {
    const { status, body } = await loginError({ email: 'a@example.org' })
    expect(status).toBe(400)
    expect(body.error).toMatchObject({ code: 'validation', field: 'password' })
    expect(body.error.message).toContain('password')
  })

  it('names a field of the wrong type', async () => {
    const { status, body } = await loginError({ email: 'a@example.org', password: 12345678 })
    expect(status).toBe(400)
    expect(body.error.field).toBe('password')
  })

  it('names an unknown field', async () => {
    const { status, body } = await loginError({ email: 'a@example.org', password: 'x', admin: true })
    expect(status).toBe(400)
    expect(body.error.field).toBe('admin')
    expect(body.error.message).toContain('admin')
  })

  it('refuses a 100,000-character name and names the field', async () => {
    const p = person()
    const res = await t.client.as(sessionCookie(t.db, p.id, t.clock.now())).patch('/api/me', { name: 'x'.repeat(100_000) })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error).toMatchObject({ code: 'validation', field: 'name' })
    expect(body.error.message).toContain('200')
  })

  it('refuses malformed JSON', async () => {
    const res = await t.client.post('/api/session', '{"email": "a@example.org", ', { 'content-type': 'application/json' })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'validation', message: 'Der Inhalt ist kein gültiges JSON.' } })
  })

  it('refuses a wrong content type', async () => {
    const res = await t.client.post('/api/session', 'email=a@example.org&password=x', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } })
  })
})

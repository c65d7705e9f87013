import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { announceFirstAdminLink } from '../../../server/auth/first-run.ts'
import { createFirstAdminLink, createInviteLink } from '../../../server/auth/setup-links.ts'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { cookieFrom, TEST_ORIGIN, testApp, type TestApp } from '../../support/test-app.ts'

const DAY = 24 * 3600_000
const PASSWORD = 'Arbeitsmarkt braucht Geduld'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const pathOf = (url: string) => new URL(url).pathname

describe('first admin', () => {
  it('prints a one-time setup link on a fresh installation, and none once an admin exists', () => {
    const lines: string[] = []
    const url = announceFirstAdminLink(t.deps, (l) => lines.push(l))
    expect(url).toMatch(new RegExp(`^${TEST_ORIGIN}/setup/`))
    expect(lines.join('\n')).toContain('Noch keine Administration eingerichtet. Einmaliger Einrichtungslink')
    expect(lines.join('\n')).toContain('No administrator set up yet')
    expect(lines.join('\n')).toContain(url!)
    buildPerson(t.db, { admin: true })
    const later: string[] = []
    expect(announceFirstAdminLink(t.deps, (l) => later.push(l))).toBeNull()
    expect(later).toEqual([])
  })

  it('creates the admin through the browser form, logs them in, and the link then stops working', async () => {
    const link = createFirstAdminLink(t.deps)!
    const page = await t.client.get(pathOf(link.url))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('erste Administration')
    expect(html).toContain('name="password2"')

    const res = await t.client.form(pathOf(link.url), {
      name: 'Miriam Schulte',
      email: 'Miriam@Example.org',
      password: PASSWORD,
      password2: PASSWORD,
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/')
    const cookie = cookieFrom(res)
    const me = await (await t.client.as(cookie).get('/api/me')).json()
    expect(me).toMatchObject({ name: 'Miriam Schulte', email: 'miriam@example.org', roles: ['admin'] })

    const again = await t.client.get(pathOf(link.url))
    expect(again.status).toBe(404)
    expect(await again.text()).toContain('ungültig, abgelaufen oder wurde schon benutzt')
    const reuse = await t.client.form(pathOf(link.url), { name: 'Zweite', email: 'zweite@example.org', password: PASSWORD, password2: PASSWORD })
    expect(reuse.status).toBe(404)
    expect(createFirstAdminLink(t.deps)).toBeNull()
    expect((await t.client.post('/api/session', { email: 'miriam@example.org', password: PASSWORD })).status).toBe(200)
  })

  it('shows the form again with the message and the entered values when something is wrong', async () => {
    const path = pathOf(createFirstAdminLink(t.deps)!.url)
    const mismatch = await t.client.form(path, { name: 'Miriam', email: 'miriam@example.org', password: PASSWORD, password2: 'anders' })
    expect(mismatch.status).toBe(400)
    const html = await mismatch.text()
    expect(html).toContain('Die beiden Passwörter stimmen nicht überein.')
    expect(html).toContain('value="Miriam"')
    expect(html).toContain('value="miriam@example.org"')
    expect(html).not.toContain(PASSWORD)

    const common = await t.client.form(path, { name: 'Miriam', email: 'miriam@example.org', password: 'password1', password2: 'password1' })
    expect(common.status).toBe(400)
    expect(await common.text()).toContain('zu bekannt')

    const badEmail = await t.client.form(path, { name: 'Miriam', email: 'keine-adresse', password: PASSWORD, password2: PASSWORD })
    expect(badEmail.status).toBe(400)
    expect(await badEmail.text()).toContain('gültige E-Mail-Adresse')

    // None of that used up the link.
    expect((await t.client.get(path)).status).toBe(200)
  })

  it('only the newest first-admin link works', async () => {
    const old = createFirstAdminLink(t.deps)!
    const fresh = createFirstAdminLink(t.deps)!
    expect((await t.client.get(pathOf(old.url))).status).toBe(404)
    expect((await t.client.get(pathOf(fresh.url))).status).toBe(200)
  })

  it('refuses a forged secret for a real link id', async () => {
    const link = createFirstAdminLink(t.deps)!
    const path = pathOf(link.url)
    const forged = path.slice(0, path.indexOf('.') + 1) + 'A'.repeat(43)
    expect((await t.client.get(forged)).status).toBe(404)
    expect((await t.client.get('/setup/nonsense')).status).toBe(404)
  })
})

describe('invitations', () => {
  it('lets the invited person set a password, logs them in, and works only once', async () => {
    const p = buildPerson(t.db, { name: 'Ali Rahimi' })
    const link = createInviteLink(t.deps, p.id)
    expect(link.url.startsWith(`${TEST_ORIGIN}/setup/`)).toBe(true)
    expect(link.expiresAt).toBe(t.clock.now() + 7 * DAY)

    const page = await t.client.get(pathOf(link.url))
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Hallo Ali Rahimi')
    expect(html).not.toContain('name="email"')

    const res = await t.client.form(pathOf(link.url), { password: PASSWORD, password2: PASSWORD })
    expect(res.status).toBe(303)
    const me = await (await t.client.as(cookieFrom(res)).get('/api/me')).json()
    expect(me).toMatchObject({ id: p.id, roles: [] })

    const second = await t.client.form(pathOf(link.url), { password: 'ein anderes Passwort', password2: 'ein anderes Passwort' })
    expect(second.status).toBe(404)
    expect(await second.text()).toContain('ungültig, abgelaufen oder wurde schon benutzt')
    expect((await t.client.post('/api/session', { email: p.email, password: PASSWORD })).status).toBe(200)
    expect((await t.client.post('/api/session', { email: p.email, password: 'ein anderes Passwort' })).status).toBe(401)
  })

  it('refuses an expired link', async () => {
    const p = buildPerson(t.db)
    const link = createInviteLink(t.deps, p.id)
    t.clock.advance(7 * DAY)
    expect((await t.client.get(pathOf(link.url))).status).toBe(404)
    const res = await t.client.form(pathOf(link.url), { password: PASSWORD, password2: PASSWORD })
    expect(res.status).toBe(404)
    expect((await t.client.post('/api/session', { email: p.email, password: PASSWORD })).status).toBe(401)
  })

  it('is still valid just before the seven days are over', async () => {
    const p = buildPerson(t.db)
    const link = createInviteLink(t.deps, p.id)
    t.clock.advance(7 * DAY - 60_000)
    expect((await t.client.form(pathOf(link.url), { password: PASSWORD, password2: PASSWORD })).status).toBe(303)
  })

  it('a new invitation replaces the earlier one', async () => {
    const p = buildPerson(t.db)
    const first = createInviteLink(t.deps, p.id)
    const second = createInviteLink(t.deps, p.id)
    expect((await t.client.get(pathOf(first.url))).status).toBe(404)
    expect((await t.client.get(pathOf(second.url))).status).toBe(200)
  })

  it('refuses the password as the own name or email and keeps the link usable', async () => {
    const p = buildPerson(t.db, { email: 'samira.nouri@example.org' })
    const path = pathOf(createInviteLink(t.deps, p.id).url)
    const res = await t.client.form(path, { password: 'samira.nouri@example.org', password2: 'samira.nouri@example.org' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('nicht deine E-Mail-Adresse oder dein Name')
    expect((await t.client.get(path)).status).toBe(200)
  })

  it('does not work for a disabled person', async () => {
    const p = buildPerson(t.db, { disabled: true })
    const link = createInviteLink(t.deps, p.id)
    expect((await t.client.get(pathOf(link.url))).status).toBe(404)
  })

  it('ends the sessions the person had (a reset link after a lost password)', async () => {
    const p = buildPerson(t.db)
    const oldSession = sessionCookie(t.db, p.id, t.clock.now())
    const link = createInviteLink(t.deps, p.id)
    expect((await t.client.form(pathOf(link.url), { password: PASSWORD, password2: PASSWORD })).status).toBe(303)
    expect((await t.client.as(oldSession).get('/api/me')).status).toBe(401)
  })

  it('refuses an unknown person', () => {
    expect(() => createInviteLink(t.deps, 'nobody')).toThrow()
  })

  it('stores only a hash of the secret', async () => {
    const p = buildPerson(t.db)
    const link = createInviteLink(t.deps, p.id)
    const secret = pathOf(link.url).split('.')[1]!
    const rows = t.db.sqlite.prepare('select * from setup_tokens').all() as Array<Record<string, unknown>>
    for (const row of rows) for (const value of Object.values(row)) expect(String(value)).not.toContain(secret)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../../server/auth/passwords.ts'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { cookieFrom, testApp, type TestApp, TEST_HASH_COST } from '../../support/test-app.ts'

const PASSWORD = 'Solidarität kennt keine Grenzen'
let t: TestApp
let hash: string

beforeAll(async () => {
  t = await testApp()
  hash = await hashPassword(PASSWORD, TEST_HASH_COST)
})
afterAll(() => t.close())

describe('login page', () => {
  it('shows a labelled form in German', async () => {
    const res = await t.client.get('/login')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1>Anmelden</h1>')
    expect(html).toMatch(/<label for="login-email">E-Mail<\/label>/)
    expect(html).toMatch(/<label for="login-password">Passwort<\/label>/)
    expect(html).toContain('method="post" action="/login"')
  })

  it('logs in and goes on to the page named in next', async () => {
    const p = buildPerson(t.db, { passwordHash: hash })
    const page = await (await t.client.get('/login?next=%2Fme')).text()
    expect(page).toContain('name="next" value="/me"')
    const res = await t.client.form('/login', { email: p.email, password: PASSWORD, next: '/me' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/me')
    expect(cookieFrom(res)).toBeDefined()
  })

  it('never redirects to another site', async () => {
    const p = buildPerson(t.db, { passwordHash: hash })
    for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example']) {
      const res = await t.client.form('/login', { email: p.email, password: PASSWORD, next })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/')
    }
    const page = await (await t.client.get('/login?next=https%3A%2F%2Fevil.example')).text()
    expect(page).not.toContain('name="next"')
  })

  it('shows the error in German and keeps the email, not the password', async () => {
    const p = buildPerson(t.db, { passwordHash: hash })
    const res = await t.client.form('/login', { email: p.email, password: 'falsch und falsch' })
    expect(res.status).toBe(401)
    const html = await res.text()
    expect(html).toContain('E-Mail oder Passwort stimmt nicht.')
    // Counted in the title, listed in the summary that takes the focus on load.
    expect(html).toContain('<title>Fehler (1): Anmelden · Sprachrohr</title>')
    expect(html).toMatch(/<div class="error-summary" id="error-summary" tabindex="-1" autofocus="">[\s\S]*<a href="#login-email">E-Mail oder Passwort stimmt nicht.<\/a>/)
    expect(html).toContain(`value="${p.email}"`)
    expect(html).not.toContain('falsch und falsch')
    expect(cookieFrom(res)).toBeUndefined()
  })

  it('shows the error in English for an English visitor', async () => {
    const res = await t.client.form('/login', { email: 'x@example.org', password: 'whatever1' }, { 'accept-language': 'en-GB,en;q=0.9' })
    expect(await res.text()).toContain('Email or password is not correct.')
  })

  it('sends a logged-in person on instead of showing the form', async () => {
    const p = buildPerson(t.db)
    const res = await t.client.as(sessionCookie(t.db, p.id, t.clock.now())).get('/login?next=/me')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/me')
  })

  it('sends a visitor who opens a members page to the login, and back afterwards', async () => {
    const res = await t.client.get('/me')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/login?next=%2Fme')
  })
})

describe('logout form', () => {
  it('ends the session and goes to the start page', async () => {
    const p = buildPerson(t.db, { passwordHash: hash })
    const cookie = cookieFrom(await t.client.form('/login', { email: p.email, password: PASSWORD }))
    const res = await t.client.as(cookie).form('/logout', {})
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/?logged-out')
    expect((await t.client.as(cookie).get('/api/me')).status).toBe(401)
  })

  it('tells the browser to drop the offline copies of drafts (Clear-Site-Data), keeping cookies aside', async () => {
    const p = buildPerson(t.db, { passwordHash: hash })
    const cookie = cookieFrom(await t.client.form('/login', { email: p.email, password: PASSWORD }))
    expect((await t.client.as(cookie).form('/logout', {})).headers.get('clear-site-data')).toBe('"storage"')
    const api = cookieFrom(await t.client.form('/login', { email: p.email, password: PASSWORD }))
    expect((await t.client.as(api).delete('/api/session')).headers.get('clear-site-data')).toBe('"storage"')
  })

  it('the start page after logout says so and runs the script that deletes offline drafts', async () => {
    const html = await (await t.client.get('/?logged-out')).text()
    expect(html).toContain('Du bist abgemeldet.')
    expect(html).toContain('<script type="module" src="/assets/forget-drafts.js"></script>')
    expect(await (await t.client.get('/')).text()).not.toContain('forget-drafts')
  })
})

describe('own account page', () => {
  it('shows forms for name, language and password, all labelled', async () => {
    const p = buildPerson(t.db, { name: 'Dara Karimi' })
    const res = await t.client.as(sessionCookie(t.db, p.id, t.clock.now())).get('/me')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('value="Dara Karimi"')
    for (const id of ['me-name', 'me-locale', 'me-current-password', 'me-new-password', 'me-new-password2'])
      expect(html).toContain(`<label for="${id}">`)
  })

  it('changes the name, with a success notice', async () => {
    const p = buildPerson(t.db, { name: 'Alt' })
    const cookie = sessionCookie(t.db, p.id, t.clock.now())
    const res = await t.client.as(cookie).form('/me/name', { name: '  Neu Name  ' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/me?saved=name')
    const html = await (await t.client.as(cookie).get('/me?saved=name')).text()
    expect(html).toContain('Dein Name wurde geändert.')
    expect(html).toContain('value="Neu Name"')
  })

  it('refuses an empty name and keeps the page usable', async () => {
    const p = buildPerson(t.db, { name: 'Bleibt' })
    const cookie = sessionCookie(t.db, p.id, t.clock.now())
    const res = await t.client.as(cookie).form('/me/name', { name: '   ' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Bitte gib einen Namen ein.')
    expect((await (await t.client.as(cookie).get('/api/me')).json()).name).toBe('Bleibt')
  })

  it('changes the language: the page then speaks English', async () => {
    const p = buildPerson(t.db)
    const cookie = sessionCookie(t.db, p.id, t.clock.now())
    const res = await t.client.as(cookie).form('/me/locale', { locale: 'en' })
    expect(res.status).toBe(303)
    const html = await (await t.client.as(cookie).get('/me?saved=locale')).text()
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('The language has been changed.')
    await t.client.as(cookie).form('/me/locale', { locale: '' })
    expect((await (await t.client.as(cookie).get('/api/me')).json()).locale).toBeNull()
  })

  it('changes the password: the old one no longer works, the new one does', async () => {
    const p = buildPerson(t.db, { passwordHash: hash })
    const cookie = cookieFrom(await t.client.form('/login', { email: p.email, password: PASSWORD }))
    const otherDevice = sessionCookie(t.db, p.id, t.clock.now())
    const res = await t.client.as(cookie).form('/me/password', {
      currentPassword: PASSWORD,
      password: 'Neues Passwort für Sprachrohr',
      password2: 'Neues Passwort für Sprachrohr',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/me?saved=password')
    const renewed = cookieFrom(res)
    const page = await (await t.client.as(renewed).get('/me?saved=password')).text()
    expect(page).toContain('Dein Passwort wurde geändert.')
    expect((await t.client.as(otherDevice).get('/api/me')).status).toBe(401)
    expect((await t.client.form('/login', { email: p.email, password: PASSWORD })).status).toBe(401)
    expect((await t.client.form('/login', { email: p.email, password: 'Neues Passwort für Sprachrohr' })).status).toBe(303)
  })

  it('explains a wrong current password or a mismatch, without changing anything', async () => {
    const p = buildPerson(t.db, { passwordHash: hash })
    const cookie = sessionCookie(t.db, p.id, t.clock.now())
    const wrong = await t.client.as(cookie).form('/me/password', { currentPassword: 'nicht es', password: 'Neues Passwort 123', password2: 'Neues Passwort 123' })
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toContain('Dein bisheriges Passwort stimmt nicht.')
    const mismatch = await t.client.as(cookie).form('/me/password', { currentPassword: PASSWORD, password: 'Neues Passwort 123', password2: 'Neues Passwort 124' })
    expect(mismatch.status).toBe(400)
    expect(await mismatch.text()).toContain('Die beiden Passwörter stimmen nicht überein.')
    expect((await t.client.post('/api/session', { email: p.email, password: PASSWORD })).status).toBe(200)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../../server/auth/passwords.ts'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { cookieFrom, testApp, type TestApp, TEST_HASH_COST } from '../../support/test-app.ts'

const PASSWORD = 'Sprachförderung ab dem ersten Tag'

describe('same-origin check on state-changing requests', () => {
  let t: TestApp
  let email: string
  beforeAll(async () => {
    t = await testApp()
    email = buildPerson(t.db, { passwordHash: await hashPassword(PASSWORD, TEST_HASH_COST) }).email
  })
  afterAll(() => t.close())

  it('refuses a JSON POST without Origin and without Sec-Fetch-Site', async () => {
    const res = await t.client.post('/api/session', { email, password: PASSWORD }, { origin: '' })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: { code: 'csrf' } })
    expect(cookieFrom(res)).toBeUndefined()
  })

  it('refuses a JSON POST from a foreign Origin', async () => {
    const res = await t.client.post('/api/session', { email, password: PASSWORD }, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: { code: 'csrf' } })
  })

  it('refuses a form POST from a foreign Origin, even with a valid session', async () => {
    const p = buildPerson(t.db)
    const cookie = sessionCookie(t.db, p.id, t.clock.now())
    const res = await t.client.as(cookie).form('/me/name', { name: 'Gekapert' }, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('Die Anfrage kam nicht von dieser Seite')
    const me = await (await t.client.as(cookie).get('/api/me')).json()
    expect(me.name).not.toBe('Gekapert')
  })

  it('refuses a logout from a foreign site (the session stays)', async () => {
    const p = buildPerson(t.db)
    const cookie = sessionCookie(t.db, p.id, t.clock.now())
    expect((await t.client.as(cookie).form('/logout', {}, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await t.client.as(cookie).get('/api/me')).status).toBe(200)
  })

  it('refuses Sec-Fetch-Site: cross-site without Origin', async () => {
    const res = await t.client.post('/api/session', { email, password: PASSWORD }, { origin: '', 'sec-fetch-site': 'cross-site' })
    expect(res.status).toBe(403)
  })

  it('accepts Sec-Fetch-Site: same-origin without Origin', async () => {
    const res = await t.client.post('/api/session', { email, password: PASSWORD }, { origin: '', 'sec-fetch-site': 'same-origin' })
    expect(res.status).toBe(200)
  })

  it('accepts the own Origin (form login works)', async () => {
    const res = await t.client.form('/login', { email, password: PASSWORD })
    expect(res.status).toBe(303)
  })
})

describe('security headers', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await testApp()
  })
  afterAll(() => t.close())

  function expectSecurityHeaders(res: Response) {
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBeTruthy()
  }

  it('are on a page', async () => {
    const res = await t.client.get('/login')
    expect(res.status).toBe(200)
    expectSecurityHeaders(res)
  })

  it('are on an API response', async () => {
    const res = await t.client.get('/api/me')
    expect(res.status).toBe(401)
    expectSecurityHeaders(res)
  })

  it('are on a 404, page and API', async () => {
    const page = await t.client.get('/gibt-es-nicht')
    expect(page.status).toBe(404)
    expectSecurityHeaders(page)
    const api = await t.client.get('/api/gibt-es-nicht')
    expect(api.status).toBe(404)
    expectSecurityHeaders(api)
  })

  it('are on a refused (CSRF) request', async () => {
    const res = await t.client.post('/api/session', { email: 'a@example.org', password: 'x' }, { origin: 'https://evil.example' })
    expectSecurityHeaders(res)
  })
})

describe('over https', () => {
  let t: TestApp
  let email: string
  beforeAll(async () => {
    t = await testApp({ config: { publicUrl: 'https://positionen.example.org', secureCookies: true } })
    email = buildPerson(t.db, { passwordHash: await hashPassword(PASSWORD, TEST_HASH_COST) }).email
  })
  afterAll(() => t.close())

  it('names the cookie __Host- and marks it Secure, HttpOnly, SameSite=Lax, Path=/', async () => {
    const res = await t.client.post('/api/session', { email, password: PASSWORD })
    expect(res.status).toBe(200)
    const line = res.headers.getSetCookie().find((l) => l.startsWith('__Host-sprachrohr_session='))
    expect(line).toBeDefined()
    expect(line).toMatch(/;\s*Secure/i)
    expect(line).toMatch(/;\s*HttpOnly/i)
    expect(line).toMatch(/;\s*SameSite=Lax/i)
    expect(line).toMatch(/;\s*Path=\//i)
    expect(line).not.toMatch(/Domain=/i)
    const cookie = cookieFrom(res, '__Host-sprachrohr_session')
    expect((await t.client.as(cookie).get('/api/me')).status).toBe(200)
  })

  it('does not accept the cookie without its __Host- prefix', async () => {
    const res = await t.client.post('/api/session', { email, password: PASSWORD })
    const cookie = cookieFrom(res, '__Host-sprachrohr_session')!.replace('__Host-', '')
    expect((await t.client.as(cookie).get('/api/me')).status).toBe(401)
  })

  it('clears the __Host- cookie at logout', async () => {
    const cookie = cookieFrom(await t.client.post('/api/session', { email, password: PASSWORD }), '__Host-sprachrohr_session')
    const res = await t.client.as(cookie).delete('/api/session')
    const cleared = res.headers.getSetCookie().find((l) => l.startsWith('__Host-sprachrohr_session='))
    expect(cleared).toMatch(/Secure/i)
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i)
  })

  it('refuses the http origin of the same host', async () => {
    const res = await t.client.post('/api/session', { email, password: PASSWORD }, { origin: 'http://positionen.example.org' })
    expect(res.status).toBe(403)
  })
})

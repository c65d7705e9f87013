import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../../server/auth/passwords.ts'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { TEST_HASH_COST, testApp, type TestApp } from '../../support/test-app.ts'

// Someone holding a session (a stolen cookie, an unlocked shared computer) must not be able to
// guess the password through the account form faster than through the login form.
const PASSWORD = 'Bleiberecht für alle jetzt'
const NEW_PASSWORD = 'ein ganz neues Passwort'
let t: TestApp
let email: string
let cookie: string

beforeEach(async () => {
  t = await testApp()
  const p = buildPerson(t.db, { passwordHash: await hashPassword(PASSWORD, TEST_HASH_COST) })
  email = p.email
  cookie = sessionCookie(t.db, p.id, t.clock.now())
})
afterEach(() => t.close())

async function guessUntilThrottled(guess: (n: number) => Promise<Response>, max = 20): Promise<Response> {
  for (let n = 0; n < max; n++) {
    const res = await guess(n)
    if (res.status === 429) return res
    expect(res.status).toBe(400)
  }
  throw new Error('never throttled')
}

const apiGuess = (n: number) => t.client.as(cookie).patch('/api/me', { password: NEW_PASSWORD, currentPassword: `geraten-${n}` })
const formGuess = (n: number) =>
  t.client.as(cookie).form('/me/password', { currentPassword: `geraten-${n}`, password: NEW_PASSWORD, password2: NEW_PASSWORD })

describe('guessing the current password in the account settings', () => {
  it('PATCH /api/me is throttled like a login, with Retry-After, even for the right password then', async () => {
    const throttled = await guessUntilThrottled(apiGuess)
    expect(await throttled.json()).toMatchObject({ error: { code: 'throttled' } })
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    const right = await t.client.as(cookie).patch('/api/me', { password: NEW_PASSWORD, currentPassword: PASSWORD })
    expect(right.status).toBe(429)
  })

  it('the /me password form is throttled too, and says how long to wait', async () => {
    const throttled = await guessUntilThrottled(formGuess)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await throttled.text()).toMatch(/Zu viele Fehlversuche\. Bitte warte \d+/)
  })

  it('shares its count with the login: guesses here slow down the login of that account', async () => {
    await guessUntilThrottled(apiGuess)
    const login = await t.client.post('/api/session', { email, password: PASSWORD })
    expect(login.status).toBe(429)
  })

  it('after the wait the right current password changes the password', async () => {
    await guessUntilThrottled(apiGuess)
    t.clock.advance(15 * 60_000)
    const res = await t.client.as(cookie).patch('/api/me', { password: NEW_PASSWORD, currentPassword: PASSWORD })
    expect(res.status).toBe(200)
  })

  it('changing only the name needs no password and is never throttled', async () => {
    await guessUntilThrottled(apiGuess)
    expect((await t.client.as(cookie).patch('/api/me', { name: 'Neuer Name' })).status).toBe(200)
  })
})

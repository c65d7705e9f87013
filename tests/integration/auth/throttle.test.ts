import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../../server/auth/passwords.ts'
import { buildPerson } from '../../support/factories.ts'
import { testApp, type TestApp, TEST_HASH_COST } from '../../support/test-app.ts'

const PASSWORD = 'Ombudsstelle hilft weiter'
let t: TestApp
let email: string

beforeEach(async () => {
  t = await testApp()
  email = buildPerson(t.db, { passwordHash: await hashPassword(PASSWORD, TEST_HASH_COST) }).email
})
afterEach(() => t.close())

async function failUntilThrottled(max = 20): Promise<Response> {
  for (let i = 0; i < max; i++) {
    const res = await t.client.post('/api/session', { email, password: `falsch-${i}-xxxx` })
    if (res.status === 429) return res
    expect(res.status).toBe(401)
  }
  throw new Error('never throttled')
}

describe('login throttling', () => {
  it('answers 429 after repeated failures, saying how long to wait, even for the right password', async () => {
    const throttled = await failUntilThrottled()
    const body = await throttled.json()
    expect(body.error.code).toBe('throttled')
    expect(body.error.message).toMatch(/Bitte warte \d+ (Sekunden|Minuten)/)
    const right = await t.client.post('/api/session', { email, password: PASSWORD })
    expect(right.status).toBe(429)
  })

  it('lets the right password in after the wait', async () => {
    await failUntilThrottled()
    t.clock.advance(15 * 60_000)
    const res = await t.client.post('/api/session', { email, password: PASSWORD })
    expect(res.status).toBe(200)
  })

  it('starts counting from zero after a successful login', async () => {
    await failUntilThrottled()
    t.clock.advance(15 * 60_000)
    expect((await t.client.post('/api/session', { email, password: PASSWORD })).status).toBe(200)
    // One mistake now is just a mistake again, not another, longer wait.
    expect((await t.client.post('/api/session', { email, password: 'vertippt-1234' })).status).toBe(401)
    expect((await t.client.post('/api/session', { email, password: PASSWORD })).status).toBe(200)
  })

  it('throttles the login form too, with the message on the page', async () => {
    await failUntilThrottled()
    const res = await t.client.form('/login', { email, password: PASSWORD })
    expect(res.status).toBe(429)
    const html = await res.text()
    expect(html).toMatch(/Zu viele Fehlversuche\. Bitte warte \d+/)
    expect(html).toContain(`value="${email}"`)
  })

  it('does not let one account’s failures block another account', async () => {
    await failUntilThrottled()
    const other = buildPerson(t.db, { passwordHash: await hashPassword(PASSWORD, TEST_HASH_COST) })
    expect((await t.client.post('/api/session', { email: other.email, password: PASSWORD })).status).toBe(200)
  })
})

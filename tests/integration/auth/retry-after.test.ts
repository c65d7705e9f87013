import { afterEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../../server/auth/passwords.ts'
import { buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { TEST_HASH_COST, testApp, type TestApp } from '../../support/test-app.ts'
import { startTestServer } from '../../support/test-server.ts'
import { openRawSocket } from '../../support/yjs-client.ts'

const PASSWORD = 'Kein Mensch ist illegal'

describe('every 429 says when to try again (Retry-After, seconds)', () => {
  let t: TestApp
  afterEach(() => t.close())

  async function throttledLogin(): Promise<{ email: string; waitSeconds: number }> {
    t = await testApp()
    const { email } = buildPerson(t.db, { passwordHash: await hashPassword(PASSWORD, TEST_HASH_COST) })
    for (let i = 0; i < 20; i++) {
      const res = await t.client.post('/api/session', { email, password: `falsch-${i}-xxxx` })
      if (res.status !== 429) continue
      return { email, waitSeconds: Number(res.headers.get('retry-after')) }
    }
    throw new Error('never throttled')
  }

  it('the JSON login: the wait in whole seconds, matching the message', async () => {
    const { email, waitSeconds } = await throttledLogin()
    expect(waitSeconds).toBe(30)
    const res = await t.client.post('/api/session', { email, password: PASSWORD })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('30')
    expect((await res.json()).error.message).toContain('30 Sekunden')
    t.clock.advance(20_000)
    expect((await t.client.post('/api/session', { email, password: PASSWORD })).headers.get('retry-after')).toBe('10')
  })

  it('the login form, shown again with the message', async () => {
    const { email } = await throttledLogin()
    const res = await t.client.form('/login', { email, password: PASSWORD })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('30')
  })

  it('the editor connection refused for too many connections', async () => {
    const own = await startTestServer({ sync: { maxConnectionsPerPerson: 1 } })
    t = await testApp() // closed by afterEach
    try {
      const person = buildPerson(own.db)
      const cookie = sessionCookie(own.db, person.id, Date.now())
      const positionId = buildPosition(own.db).id
      const first = await openRawSocket(own.syncUrl, positionId, { cookie })
      await expect(openRawSocket(own.syncUrl, positionId, { cookie })).rejects.toMatchObject({ status: 429, retryAfter: '10' })
      first.ws.terminate()
    } finally {
      await own.stop()
    }
  })
})

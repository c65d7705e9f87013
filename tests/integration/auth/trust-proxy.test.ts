import { afterEach, describe, expect, it } from 'vitest'
import { configFromEnv, type Config } from '../../../server/config.ts'
import { startHttpServer, type RunningServer } from '../../../server/http-server.ts'
import { TEST_ORIGIN, testApp, type TestApp } from '../../support/test-app.ts'

// A real socket: the peer address is 127.0.0.1, as behind a reverse proxy on the same machine.
let t: TestApp
let server: RunningServer
async function start(config: Partial<Config> = {}): Promise<void> {
  t = await testApp({ config })
  server = await startHttpServer(t.app, t.deps, { port: 0, host: '127.0.0.1' })
}
afterEach(async () => {
  await server?.close()
  t?.close()
})

function failedLogin(n: number, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { origin: TEST_ORIGIN, 'content-type': 'application/json', ...headers },
    // A different unknown email each time: only the address counter can add them up.
    body: JSON.stringify({ email: `niemand-${n}@example.org`, password: 'geraten-geraten' }),
  })
}

/** Fails logins until the address is throttled; the number of failures it took, or null. */
async function failuresUntilThrottled(forwardedFor: (n: number) => string | undefined, max = 30): Promise<number | null> {
  for (let n = 1; n <= max; n++) {
    const xff = forwardedFor(n)
    const res = await failedLogin(n, xff ? { 'x-forwarded-for': xff } : {})
    if (res.status === 429) return n
    expect(res.status).toBe(401)
  }
  return null
}

describe('the client address used for throttling', () => {
  it('ignores X-Forwarded-For by default, even from loopback: rotating it does not escape the address throttle', async () => {
    await start()
    expect(await failuresUntilThrottled((n) => `198.51.100.${n}`)).not.toBeNull()
  })

  it('with TRUST_PROXY=1 uses the right-most address, which the proxy appended, not what the client wrote', async () => {
    await start({ trustProxy: true })
    // The client rotates the left part; our proxy appends the real address 203.0.113.7.
    expect(await failuresUntilThrottled((n) => `198.51.100.${n}, 203.0.113.7`)).not.toBeNull()
    // Another client behind the same proxy has its own counter.
    expect((await failedLogin(100, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(401)
  })

  it('with TRUST_PROXY=1 but no header falls back to the socket address', async () => {
    await start({ trustProxy: true })
    expect(await failuresUntilThrottled(() => undefined)).not.toBeNull()
    expect((await failedLogin(100, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(401)
  })
})

describe('TRUST_PROXY setting', () => {
  it('is off unless set to 1, and refuses other values', () => {
    expect(configFromEnv({}).trustProxy).toBe(false)
    expect(configFromEnv({ TRUST_PROXY: '0' }).trustProxy).toBe(false)
    expect(configFromEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(true)
    expect(() => configFromEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/)
  })
})

import { afterAll, beforeAll, expect, it } from 'vitest'
import { TEST_HASH_COST, TEST_ORIGIN } from '../../support/test-app.ts'
import { startTestServer, type TestServer } from '../../support/test-server.ts'

// Request bodies are read from Node's stream under a real server (not through a web Request):
// the same answers must come out as in-process.
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.stop())

function post(body: string, type = 'application/json'): Promise<Response> {
  return fetch(`${server.url}/api/session`, { method: 'POST', headers: { origin: TEST_ORIGIN, 'content-type': type }, body })
}

it('reads a JSON body: wrong credentials are a 401, not a parse error', async () => {
  const res = await post(JSON.stringify({ email: 'niemand@example.org', password: 'irgendein-passwort' }))
  expect(res.status).toBe(401)
})

it('answers malformed JSON with a 400 that says so', async () => {
  const res = await post('{"email": ')
  expect(res.status).toBe(400)
  expect(await res.json()).toMatchObject({ error: { code: 'validation', message: 'Der Inhalt ist kein gültiges JSON.' } })
})

it('refuses a body over 256 KiB with 413, also when it is sent without a length (chunked)', async () => {
  const big = JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(300_000) })
  expect((await post(big)).status).toBe(413)
  const chunked = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(big))
      controller.close()
    },
  })
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
    body: chunked,
    duplex: 'half',
  } as RequestInit)
  expect(res.status).toBe(413)
  expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } })
})

it('decodes a body with umlauts exactly: a password with ü and ß logs in', async () => {
  const { hashPassword } = await import('../../../server/auth/passwords.ts')
  const { buildPerson } = await import('../../support/factories.ts')
  const person = buildPerson(server.db, { email: 'juergen@example.org', passwordHash: await hashPassword('Grüße aus Lüneburg, Straße 5', TEST_HASH_COST) })
  const res = await post(JSON.stringify({ email: person.email, password: 'Grüße aus Lüneburg, Straße 5' }))
  expect(res.status).toBe(200)
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CommentsJson } from '../../../shared/comments/comment-json.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { writeDraft } from '../../support/drafts.ts'
import { TEST_ORIGIN } from '../../support/test-app.ts'
import { startTestServer, type TestServer } from '../../support/test-server.ts'

// The live push over a real HTTP server on port 0: a page listens to
// GET /api/positions/:id/comments/events and fetches the comments on "ready" and "changed".

let server: TestServer
let positionId: string
let alice: string
let bob: string

beforeAll(async () => {
  server = await startTestServer()
  const group = buildGroup(server.db).id
  const a = buildPerson(server.db, { name: 'Alice' }).id
  const b = buildPerson(server.db, { name: 'Bob' }).id
  addToGroup(server.db, group, a)
  addToGroup(server.db, group, b)
  alice = sessionCookie(server.db, a, Date.now())
  bob = sessionCookie(server.db, b, Date.now())
  positionId = buildPosition(server.db, { groupId: group }).id
  writeDraft(server.db, positionId, ['Wir fordern bezahlbaren Wohnraum für alle.'])
})
afterAll(() => server.stop())

/** An EventSource as the page opens it: collects the event names, can wait for the n-th. */
async function listen(cookie: string) {
  const controller = new AbortController()
  const res = await fetch(`${server.url}/api/positions/${positionId}/comments/events`, { headers: { cookie }, signal: controller.signal })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const events: string[] = []
  let ended = false
  const waiters: Array<() => void> = []
  void (async () => {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const name = /^event: (.*)$/m.exec(block)?.[1]
          if (name) events.push(name)
          waiters.splice(0).forEach((w) => w())
        }
      }
    } catch {
      // aborted by the test
    }
    ended = true
    waiters.splice(0).forEach((w) => w())
  })()
  const until = (check: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within 10 s; events: ${events.join(', ')}`)), 10_000)
      const test = () => {
        if (check()) {
          clearTimeout(timer)
          resolve()
        } else waiters.push(test)
      }
      test()
    })
  return {
    events,
    nth: (n: number) => until(() => events.length >= n, `event #${n}`),
    ended: () => until(() => ended, 'end of stream'),
    close: () => controller.abort(),
  }
}

async function post(cookie: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { cookie, origin: TEST_ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function comments(cookie: string): Promise<CommentsJson['comments']> {
  const res = await fetch(`${server.url}/api/positions/${positionId}/comments`, { headers: { cookie } })
  return ((await res.json()) as CommentsJson).comments
}

describe('comments arrive live', () => {
  it('tells an open page at once when someone comments, replies or resolves, and a reconnecting page gets what it missed', async () => {
    const page = await listen(bob)
    await page.nth(1)
    expect(page.events).toEqual(['ready'])

    const created = await post(alice, `/api/positions/${positionId}/comments`, { body: 'Zu teuer?', anchor: { from: 13, to: 33 } })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    await page.nth(2)
    expect(page.events).toEqual(['ready', 'changed'])
    expect((await comments(bob)).map((c) => c.body)).toEqual(['Zu teuer?'])

    expect((await post(alice, `/api/comments/${id}/resolve`, {})).status).toBe(200)
    await page.nth(3)
    page.close()

    // Bob is offline while Alice answers; his page reconnects, hears "ready" and fetches.
    expect((await post(alice, `/api/comments/${id}/replies`, { body: 'Nachtrag' })).status).toBe(201)
    const again = await listen(bob)
    await again.nth(1)
    expect(again.events).toEqual(['ready'])
    const [thread] = await comments(bob)
    expect(thread).toMatchObject({ resolved: true, replies: [expect.objectContaining({ body: 'Nachtrag' })] })
    again.close()
  })

  it('ends the stream when the session is logged out, and refuses one without a session', async () => {
    const cookie = sessionCookie(server.db, buildPerson(server.db).id, Date.now())
    const page = await listen(cookie)
    await page.nth(1)
    const out = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie, origin: TEST_ORIGIN } })
    expect(out.status).toBeLessThan(300)
    await page.ended()
    const anonymous = await fetch(`${server.url}/api/positions/${positionId}/comments/events`)
    expect(anonymous.status).toBe(401)
  })
})

describe('the cap on open comment streams', () => {
  it('refuses a person’s stream over the cap with a clear 429, and frees a slot when a stream ends', async () => {
    const personId = buildPerson(server.db).id
    const cookie = sessionCookie(server.db, personId, Date.now())
    const cap = server.deps.commentStreams.perPerson
    const pages = []
    for (let i = 0; i < cap; i++) {
      const page = await listen(cookie)
      await page.nth(1)
      pages.push(page)
    }
    expect(server.deps.commentStreams.heldBy(personId)).toBe(cap)
    const refused = await fetch(`${server.url}/api/positions/${positionId}/comments/events`, { headers: { cookie } })
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_streams', message: expect.stringContaining(`auf ${cap} Seiten`) } })
    // Somebody else is not affected.
    const other = await listen(bob)
    await other.nth(1)
    other.close()

    pages.pop()!.close()
    await until(() => server.deps.commentStreams.heldBy(personId) === cap - 1)
    const again = await listen(cookie)
    await again.nth(1)
    for (const page of [...pages, again]) page.close()
    await until(() => server.deps.commentStreams.heldBy(personId) === 0)
  })
})

/** Waits until `check` holds (the server notices a closed connection on its next turn or two). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setImmediate(resolve))
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20))
  expect(check()).toBe(true)
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { TEST_HASH_COST, TEST_ORIGIN } from '../../support/test-app.ts'
import { startTestServer, type TestServer } from '../../support/test-server.ts'
import { appendParagraph, connectDraft, draftText, waitFor, type DraftClient } from '../../support/yjs-client.ts'

// A websocket outlives the request that checked its cookie: logging out must end it.
let server: TestServer
let groupId: string
let personId: string
const clients: DraftClient[] = []

function connect(positionId: string, cookie: string): DraftClient {
  const client = connectDraft(server.syncUrl, positionId, cookie)
  clients.push(client)
  return client
}

function logOut(cookie: string, how: 'api' | 'form'): Promise<Response> {
  const headers = { origin: TEST_ORIGIN, cookie }
  return how === 'api'
    ? fetch(`${server.url}/api/session`, { method: 'DELETE', headers })
    : fetch(`${server.url}/logout`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: '', redirect: 'manual' })
}

beforeAll(async () => {
  server = await startTestServer()
  groupId = buildGroup(server.db).id
  personId = buildPerson(server.db).id
  addToGroup(server.db, groupId, personId)
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

describe('logging out', () => {
  for (const how of ['api', 'form'] as const) {
    it(`ends the sync sockets of that session (${how === 'api' ? 'DELETE /api/session' : 'the logout form'}) with 4401, and only those`, async () => {
      const positionId = buildPosition(server.db, { groupId }).id
      const laptop = sessionCookie(server.db, personId, Date.now())
      const phone = sessionCookie(server.db, personId, Date.now())
      const tabs = [connect(positionId, laptop), connect(positionId, laptop)]
      const onPhone = connect(positionId, phone)
      await Promise.all([...tabs, onPhone].map((client) => client.synced()))

      const res = await logOut(laptop, how)
      expect(res.status).toBe(how === 'api' ? 204 : 303)

      for (const tab of tabs) await waitFor(() => tab.closeCodes.includes(4401), { what: 'the logged-out tab closed with 4401' })
      // y-websocket treats 44xx as final: the tabs stay closed instead of reconnecting.
      expect(tabs.every((tab) => !tab.provider.shouldConnect)).toBe(true)
      // The same person on another device keeps writing.
      appendParagraph(onPhone.doc, 'Vom Handy.')
      const check = connect(positionId, phone)
      await waitFor(() => draftText(check.doc) === 'Vom Handy.', { what: 'the other session still syncing' })
      expect(onPhone.closeCodes).toEqual([])
    })
  }
})

describe('changing the password', () => {
  it('ends every sync socket of that person, on all devices', async () => {
    const { hashPassword } = await import('../../../server/auth/passwords.ts')
    const owner = buildPerson(server.db, { passwordHash: await hashPassword('Alte-Losung-1987', TEST_HASH_COST) })
    addToGroup(server.db, groupId, owner.id)
    const positionId = buildPosition(server.db, { groupId }).id
    const laptop = sessionCookie(server.db, owner.id, Date.now())
    const phone = sessionCookie(server.db, owner.id, Date.now())
    const open = [connect(positionId, laptop), connect(positionId, phone)]
    await Promise.all(open.map((client) => client.synced()))

    const res = await fetch(`${server.url}/api/me`, {
      method: 'PATCH',
      headers: { origin: TEST_ORIGIN, cookie: laptop, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'Alte-Losung-1987', password: 'Neue-Losung-2026!' }),
    })
    expect(res.status).toBe(200)
    for (const client of open) await waitFor(() => client.closeCodes.includes(4401), { what: 'the old session’s socket closed' })
  })
})

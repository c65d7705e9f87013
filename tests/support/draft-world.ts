import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from './factories.ts'
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.ts'
import { connectDraft, type DraftClient } from './yjs-client.ts'

/** A test server with one working group and two members, Anna and Ben, who co-edit its drafts. */
export interface DraftWorld {
  server: TestServer
  groupId: string
  /** Session cookies. */
  anna: string
  ben: string
  /** A new position of the group: its draft, fresh. */
  newPosition(): string
  /** A client on a draft; destroyed by `close`. */
  connect(positionId: string, cookie: string): DraftClient
  /** Destroys every client, then stops the server. */
  close(): Promise<void>
}

export async function startDraftWorld(options: TestServerOptions = {}): Promise<DraftWorld> {
  const server = await startTestServer(options)
  const groupId = buildGroup(server.db).id
  const [anna, ben] = ['Anna', 'Ben'].map((name) => {
    const person = buildPerson(server.db, { name })
    addToGroup(server.db, groupId, person.id)
    return sessionCookie(server.db, person.id, Date.now())
  }) as [string, string]
  const clients: DraftClient[] = []
  return {
    server,
    groupId,
    anna,
    ben,
    newPosition: () => buildPosition(server.db, { groupId }).id,
    connect(positionId, cookie) {
      const client = connectDraft(server.syncUrl, positionId, cookie)
      clients.push(client)
      return client
    },
    async close() {
      for (const client of clients) client.destroy()
      await server.stop()
    },
  }
}

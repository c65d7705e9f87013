import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadActor } from '../../../server/people/load-actor.ts'
import { getPerson } from '../../../server/people/person.repo.ts'
import { cancelRound } from '../../../server/rounds/cancel-round.ts'
import { openRound } from '../../../server/rounds/open-round.ts'
import { addToGroup, addToInitiative, buildGroup, buildInitiative, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { startTestServer, type TestServer } from '../../support/test-server.ts'
import { appendParagraph, connectDraft, draftText, waitFor, type DraftClient } from '../../support/yjs-client.ts'

let server: TestServer
const clients: DraftClient[] = []

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

describe('cancelling a round, seen from the live draft', () => {
  it('makes the draft writable again on open connections, as a close without adoption does', async () => {
    const groupId = buildGroup(server.db).id
    const coordinator = buildPerson(server.db)
    const writer = buildPerson(server.db)
    addToGroup(server.db, groupId, coordinator.id, true)
    addToGroup(server.db, groupId, writer.id)
    addToInitiative(server.db, buildInitiative(server.db).id, writer.id, 'delegate')
    const positionId = buildPosition(server.db, { groupId, createdBy: coordinator.id }).id
    const a = connectDraft(server.syncUrl, positionId, sessionCookie(server.db, coordinator.id, Date.now()))
    const b = connectDraft(server.syncUrl, positionId, sessionCookie(server.db, writer.id, Date.now()))
    clients.push(a, b)
    await Promise.all([a.synced(), b.synced()])
    appendParagraph(a.doc, 'Erster Satz')
    await waitFor(() => draftText(b.doc).includes('Erster Satz'))

    const actor = loadActor(server.db, getPerson(server.db, coordinator.id)!)
    const round = await openRound(server.deps, actor, positionId, { kind: 'consent', electorate: 'initiatives', quorum: 0.5, visibility: 'open', closesAt: Date.now() + 7 * 86_400_000 })
    await waitFor(() => a.access() === 'read-only' && b.access() === 'read-only', { what: 'read-only during the round' })

    cancelRound(server.deps, actor, round.id, { reason: 'Falsche Fassung.' })
    await waitFor(() => a.access() === 'read-write' && b.access() === 'read-write', { what: 'writable after the cancel' })
    appendParagraph(b.doc, 'Nach dem Abbruch')
    await waitFor(() => draftText(a.doc).includes('Nach dem Abbruch'))
    expect(draftText(a.doc)).toBe('Erster Satz\nNach dem Abbruch')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countUpdates } from '../../../server/sync/doc.repo.ts'
import { loadDocFromDb } from '../../../server/sync/load-doc.ts'
import { startDraftWorld, type DraftWorld } from '../../support/draft-world.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { startTestServer, type TestServer } from '../../support/test-server.ts'
import { appendParagraph, connectDraft, draftText, waitFor, type DraftClient } from '../../support/yjs-client.ts'

let world: DraftWorld
let server: TestServer
let anna: string
let ben: string
const connect = (positionId: string, cookie: string): DraftClient => world.connect(positionId, cookie)
const newPosition = (): string => world.newPosition()

beforeAll(async () => {
  world = await startDraftWorld({ sync: { core: { compactAfter: 20, unloadAfterMs: 100 } } })
  ;({ server, anna, ben } = world)
})

afterAll(() => world.close())

describe('co-editing a draft', () => {
  it('two clients converge to the same draft', async () => {
    const positionId = newPosition()
    const a = connect(positionId, anna)
    const b = connect(positionId, ben)
    await Promise.all([a.synced(), b.synced()])
    appendParagraph(a.doc, 'Wohnraum für alle')
    appendParagraph(b.doc, 'Sprachkurse ab dem ersten Tag')
    await waitFor(() => draftText(a.doc).split('\n').length === 2 && draftText(b.doc).split('\n').length === 2)
    expect(draftText(a.doc)).toBe(draftText(b.doc))
    expect(draftText(a.doc)).toContain('Wohnraum für alle')
    expect(draftText(a.doc)).toContain('Sprachkurse ab dem ersten Tag')
  })

  it('a client that joins later gets everything written before', async () => {
    const positionId = newPosition()
    const a = connect(positionId, anna)
    await a.synced()
    for (let i = 0; i < 10; i++) appendParagraph(a.doc, `Absatz ${i}`)
    await waitFor(() => (server.sync.core.stateVector(positionId)?.length ?? 0) > 1 && countUpdates(server.db, positionId) >= 10)
    const late = connect(positionId, ben)
    await late.synced()
    expect(draftText(late.doc)).toBe(draftText(a.doc))
  })

  it('stores every update before another client can see it', async () => {
    const positionId = newPosition()
    const a = connect(positionId, anna)
    const b = connect(positionId, ben)
    await Promise.all([a.synced(), b.synced()])
    let storedWhenSeen = true
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== b.provider) return
      const stored = loadDocFromDb(server.db, positionId).doc
      if (!draftText(stored).includes(draftText(b.doc).split('\n').at(-1) ?? '')) storedWhenSeen = false
    })
    for (let i = 0; i < 5; i++) appendParagraph(a.doc, `Satz ${i}`)
    await waitFor(() => draftText(b.doc).includes('Satz 4'))
    expect(storedWhenSeen).toBe(true)
  })

  it('records when the draft was last edited', async () => {
    const positionId = newPosition()
    const a = connect(positionId, anna)
    await a.synced()
    appendParagraph(a.doc, 'Bearbeitet')
    await waitFor(() => countUpdates(server.db, positionId) > 0)
    const row = server.db.sqlite.prepare('select last_edit_at from positions where id = ?').get(positionId) as { last_edit_at: number | null }
    expect(row.last_edit_at).toBeGreaterThan(0)
  })
})

describe('persistence', () => {
  it('keeps the content across a server restart', async () => {
    const own = await startTestServer()
    const group = buildGroup(own.db).id
    const person = buildPerson(own.db)
    addToGroup(own.db, group, person.id)
    const cookie = sessionCookie(own.db, person.id, Date.now())
    const positionId = buildPosition(own.db, { groupId: group }).id
    const writer = connectDraft(own.syncUrl, positionId, cookie)
    await writer.synced()
    appendParagraph(writer.doc, 'Bleibt erhalten')
    appendParagraph(writer.doc, 'Auch nach dem Neustart')
    await waitFor(() => countUpdates(own.db, positionId) >= 2)
    const expected = draftText(writer.doc)
    writer.destroy()

    const restarted = await own.restart()
    try {
      const reader = connectDraft(restarted.syncUrl, positionId, cookie)
      await reader.synced()
      expect(draftText(reader.doc)).toBe(expected)
      reader.destroy()
    } finally {
      await restarted.stop()
    }
  })

  it('compacts a long log into a snapshot without losing content', async () => {
    const positionId = newPosition()
    const a = connect(positionId, anna)
    await a.synced()
    for (let i = 0; i < 60; i++) appendParagraph(a.doc, `Zeile ${i}`)
    await waitFor(() => server.sync.core.stats().compactions > 0 && countUpdates(server.db, positionId) <= 21, { what: 'compaction' })
    // a few more after the compaction, so the log is a snapshot plus a tail
    for (let i = 60; i < 63; i++) appendParagraph(a.doc, `Zeile ${i}`)
    await waitFor(() => draftText(loadDocFromDb(server.db, positionId).doc).includes('Zeile 62'))
    const stored = loadDocFromDb(server.db, positionId)
    expect(stored.count).toBeLessThan(25)
    expect(draftText(stored.doc)).toBe(draftText(a.doc))
    expect(Y.encodeStateVector(stored.doc)).toEqual(Y.encodeStateVector(a.doc))
  })

  it('drops a draft it can no longer store, instead of relaying what is not stored', async () => {
    const positionId = newPosition()
    const other = newPosition()
    const a = connect(positionId, anna)
    const b = connect(positionId, ben)
    const elsewhere = connect(other, ben)
    await Promise.all([a.synced(), b.synced(), elsewhere.synced()])
    server.db.sqlite.prepare('delete from positions where id = ?').run(positionId)
    appendParagraph(a.doc, 'Ins Leere')
    appendParagraph(elsewhere.doc, 'Woanders')
    await waitFor(() => a.closeCodes.includes(1011) && b.closeCodes.includes(1011), { what: 'close 1011' })
    expect(draftText(b.doc)).toBe('')
    await waitFor(() => countUpdates(server.db, other) === 1)
    expect(elsewhere.closeCodes).toEqual([])
    expect(server.log.lines.some((l) => l.includes('could not store') && l.includes(positionId))).toBe(true)
  })

  it('unloads an idle draft (compacted to one entry) and loads it again correctly', async () => {
    const positionId = newPosition()
    const a = connect(positionId, anna)
    await a.synced()
    for (let i = 0; i < 8; i++) appendParagraph(a.doc, `Punkt ${i}`)
    await waitFor(() => countUpdates(server.db, positionId) === 8)
    const expected = draftText(a.doc)
    a.provider.disconnect()
    await waitFor(() => !server.sync.core.isLoaded(positionId), { what: 'unload' })
    expect(countUpdates(server.db, positionId)).toBe(1)

    const again = connect(positionId, ben)
    await again.synced()
    expect(server.sync.core.isLoaded(positionId)).toBe(true)
    expect(draftText(again.doc)).toBe(expected)
    appendParagraph(again.doc, 'Nach dem Neuladen')
    await waitFor(() => countUpdates(server.db, positionId) === 2)
    expect(draftText(loadDocFromDb(server.db, positionId).doc)).toBe(`${expected}\nNach dem Neuladen`)
  })
})

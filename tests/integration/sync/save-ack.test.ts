import * as decoding from 'lib0/decoding'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadActor } from '../../../server/people/load-actor.ts'
import * as personRepo from '../../../server/people/person.repo.ts'
import { countUpdates } from '../../../server/sync/doc.repo.ts'
import { DRAFT_FRAGMENT, loadDocFromDb } from '../../../server/sync/load-doc.ts'
import type { SyncConnection } from '../../../server/sync/sync-connection.ts'
import { SyncCore } from '../../../server/sync/sync-core.ts'
import { MESSAGE_AUTH, MESSAGE_SYNC, readAuthMessage, SYNC_UPDATE, type SavedAck } from '../../../shared/sync/protocol.ts'
import { addToGroup, buildPerson, buildPosition } from '../../support/factories.ts'
import { testApp } from '../../support/test-app.ts'
import { appendParagraph, draftText, updateFrame } from '../../support/yjs-client.ts'

// The save acknowledgement, driven through the core with a recording transport: what each
// connection was sent, and how many log rows were stored at the moment an acknowledgement left.
const t = await testApp()
afterAll(() => t.close())

interface Peer {
  conn: SyncConnection
  /** Acknowledgements, with the stored log's length when each was sent. */
  acks: Array<SavedAck & { storedRows: number }>
  /** Relayed document updates. */
  relays: Uint8Array[]
  closed: string[]
}

function open(core: SyncCore, positionId: string, personId: string): Peer {
  const person = personRepo.getPerson(t.db, personId)!
  const peer: Peer = { conn: undefined as unknown as SyncConnection, acks: [], relays: [], closed: [] }
  peer.conn = core.open(positionId, { id: person.id, name: person.name, actor: loadActor(t.db, person) }, {
    send: (message) => {
      const decoder = decoding.createDecoder(message)
      const type = decoding.readVarUint(decoder)
      if (type === MESSAGE_AUTH) {
        const auth = readAuthMessage(decoder)
        if (auth?.type === 'saved') peer.acks.push({ stateVector: auth.stateVector, updates: auth.updates, storedRows: countUpdates(t.db, positionId) })
      } else if (type === MESSAGE_SYNC && decoding.readVarUint(decoder) === SYNC_UPDATE) {
        peer.relays.push(decoding.readVarUint8Array(decoder))
      }
    },
    close: (reason) => void peer.closed.push(reason),
  })
  return peer
}

/** A draft with two group members who may write and one logged-in person who may only read. */
function world() {
  const position = buildPosition(t.db)
  const [anna, ben, reader] = [buildPerson(t.db), buildPerson(t.db), buildPerson(t.db)]
  addToGroup(t.db, position.groupId, anna.id)
  addToGroup(t.db, position.groupId, ben.id)
  return { positionId: position.id, anna: anna.id, ben: ben.id, reader: reader.id }
}

/** Lets the core's end-of-turn commit run. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

/** Whether `ack` covers everything `doc` holds from its own client. */
function covers(ack: SavedAck, doc: Y.Doc): boolean {
  return (Y.decodeStateVector(ack.stateVector).get(doc.clientID) ?? 0) >= Y.getState(doc.store, doc.clientID)
}

/** A local document whose changes are captured as update frames, as y-websocket would send them. */
function writer() {
  const doc = new Y.Doc()
  const frames: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => frames.push(updateFrame(update)))
  return { doc, frames }
}

describe('the save acknowledgement', () => {
  it('goes once per commit, after it, only to the sender, with a state vector that covers its edits', async () => {
    const { positionId, anna, ben } = world()
    const core = new SyncCore(t.deps)
    const a = open(core, positionId, anna)
    const b = open(core, positionId, ben)
    const local = writer()
    appendParagraph(local.doc, 'Erster Satz.')
    appendParagraph(local.doc, 'Zweiter Satz.')
    // Two updates in one event-loop turn: one commit, one acknowledgement.
    for (const frame of local.frames) core.receive(a.conn, frame)
    expect(a.acks).toEqual([])
    await nextTurn()

    expect(a.acks).toHaveLength(1)
    const [ack] = a.acks
    expect(ack!.updates).toBe(2)
    expect(covers(ack!, local.doc)).toBe(true)
    expect(ack!.storedRows).toBe(2) // both were in the database when it left
    expect(draftText(loadDocFromDb(t.db, positionId).doc)).toBe('Erster Satz.\nZweiter Satz.')
    expect(core.stats().commits).toBe(1)
    // The other writer gets the edits, but no acknowledgement of someone else's.
    expect(b.relays).toHaveLength(2)
    expect(b.acks).toEqual([])
    core.shutdown()
  })

  it('counts a deletion, which leaves the state vector as it was', async () => {
    const { positionId, anna } = world()
    const core = new SyncCore(t.deps)
    const a = open(core, positionId, anna)
    const local = writer()
    appendParagraph(local.doc, 'Das bleibt nicht.')
    core.receive(a.conn, local.frames.shift()!)
    await nextTurn()
    const before = a.acks[0]!

    local.doc.getXmlFragment(DRAFT_FRAGMENT).delete(0, 1)
    core.receive(a.conn, local.frames.shift()!)
    await nextTurn()

    const after = a.acks[1]!
    expect(after.stateVector).toEqual(before.stateVector)
    expect(after.updates).toBe(2)
    expect(after.storedRows).toBe(2)
    expect(draftText(loadDocFromDb(t.db, positionId).doc)).toBe('')
    core.shutdown()
  })

  it('also answers an update the server already had (a resync after reconnecting)', async () => {
    const { positionId, anna } = world()
    const core = new SyncCore(t.deps)
    const a = open(core, positionId, anna)
    const local = writer()
    appendParagraph(local.doc, 'Schon da.')
    core.receive(a.conn, local.frames[0]!)
    await nextTurn()
    core.receive(a.conn, local.frames[0]!)
    await nextTurn()

    expect(a.acks.map((ack) => ack.updates)).toEqual([1, 2])
    expect(countUpdates(t.db, positionId)).toBe(1) // nothing new to store
    core.shutdown()
  })

  it('never goes to a reader: refused edits are neither stored nor acknowledged', async () => {
    const { positionId, anna, reader } = world()
    const core = new SyncCore(t.deps)
    const a = open(core, positionId, anna)
    const r = open(core, positionId, reader)
    const local = writer()
    appendParagraph(local.doc, 'Darf ich nicht.')
    core.receive(r.conn, local.frames[0]!)
    await nextTurn()

    expect(r.acks).toEqual([])
    expect(a.relays).toEqual([])
    expect(countUpdates(t.db, positionId)).toBe(0)
    expect(core.stats().refusedUpdates).toBe(1)
    core.shutdown()
  })

  it("reports the writer's own client ids, not the whole draft's state vector", async () => {
    const { positionId, anna, ben } = world()
    const core = new SyncCore(t.deps)
    const a = open(core, positionId, anna)
    const b = open(core, positionId, ben)
    const mine = writer()
    const theirs = writer()
    appendParagraph(theirs.doc, 'Von Ben.')
    core.receive(b.conn, theirs.frames.shift()!)
    await nextTurn()
    appendParagraph(mine.doc, 'Von Anna.')
    core.receive(a.conn, mine.frames.shift()!)
    await nextTurn()

    const ack = a.acks.at(-1)!
    expect([...Y.decodeStateVector(ack.stateVector)]).toEqual([[mine.doc.clientID, Y.getState(mine.doc.store, mine.doc.clientID)]])
    expect([...Y.decodeStateVector(b.acks.at(-1)!.stateVector).keys()]).toEqual([theirs.doc.clientID])
    core.shutdown()
  })

  it("still covers an editor's own edits after a resync that brought many other client ids", async () => {
    const { positionId, anna } = world()
    const core = new SyncCore(t.deps)
    const a = open(core, positionId, anna)
    // Offline edits of 20 earlier page loads, sent in one message after reconnecting.
    const earlier = Array.from({ length: 20 }, (_, i) => {
      const doc = new Y.Doc()
      appendParagraph(doc, `Offline ${i}.`)
      return Y.encodeStateAsUpdate(doc)
    })
    core.receive(a.conn, updateFrame(Y.mergeUpdates(earlier)))
    await nextTurn()
    expect(Y.decodeStateVector(a.acks.at(-1)!.stateVector).size).toBe(16)

    const local = writer()
    appendParagraph(local.doc, 'Jetzt online.')
    core.receive(a.conn, local.frames.shift()!)
    await nextTurn()
    const ack = a.acks.at(-1)!
    expect(covers(ack, local.doc)).toBe(true)
    expect(draftText(loadDocFromDb(t.db, positionId).doc).split('\n')).toHaveLength(21)
    core.shutdown()
  })

  it('counts edits refused while the draft was locked, and acknowledges them once the resync stored them', async () => {
    const { positionId, anna } = world()
    const core = new SyncCore(t.deps)
    const a = open(core, positionId, anna)
    const local = writer()
    core.setReadOnly(positionId, true)
    appendParagraph(local.doc, 'Während der Sperre.')
    core.receive(a.conn, local.frames[0]!)
    await nextTurn()
    expect(a.acks).toEqual([])

    core.setReadOnly(positionId, false)
    // The client answers the server's sync step 1 with everything the server lacks.
    core.receive(a.conn, updateFrame(Y.encodeStateAsUpdate(local.doc)))
    await nextTurn()
    expect(a.acks).toHaveLength(1)
    expect(a.acks[0]!.updates).toBe(2)
    expect(covers(a.acks[0]!, local.doc)).toBe(true)
    expect(draftText(loadDocFromDb(t.db, positionId).doc)).toBe('Während der Sperre.')
    core.shutdown()
  })
})

describe('SYNC_PERSIST=off (benchmarks only)', () => {
  it('relays edits without storing or acknowledging them, and says so loudly at start', async () => {
    const { positionId, anna, ben } = world()
    const core = new SyncCore({ ...t.deps, config: { ...t.deps.config, syncPersist: false } })
    expect(t.log.lines.some((line) => line.includes('warn SYNC_PERSIST=off: EDITS ARE NOT STORED'))).toBe(true)
    const a = open(core, positionId, anna)
    const b = open(core, positionId, ben)
    const local = writer()
    for (let i = 0; i < 3; i++) appendParagraph(local.doc, `Satz ${i}`)
    for (const frame of local.frames) core.receive(a.conn, frame)
    await nextTurn()

    const seen = new Y.Doc()
    for (const update of b.relays) Y.applyUpdate(seen, update)
    expect(draftText(seen)).toBe('Satz 0\nSatz 1\nSatz 2')
    expect(a.acks).toEqual([])
    expect(core.stats()).toMatchObject({ storedUpdates: 0, commits: 0 })
    // Not even unloading (which compacts) writes the draft.
    core.shutdown()
    expect(countUpdates(t.db, positionId)).toBe(0)
  })
})

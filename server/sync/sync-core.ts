import * as Y from 'yjs'
import { AppError, fail, type ErrorCode } from '../../shared/errors.ts'
import { can } from '../../shared/policy.ts'
import { presenceColor } from '../../shared/presence-color.ts'
import { encodeAccessMessage } from '../../shared/sync/protocol.ts'
import type { Deps } from '../deps.ts'
import { prepareAppend } from './doc.repo.ts'
import { LiveDoc, type Append } from './live-doc.ts'
import { SaveAcks } from './save-acks.ts'
import { DEFAULT_SYNC_CORE_OPTIONS, type SyncCoreOptions, type SyncStats } from './sync-core-options.ts'
import { followAppEvents } from './follow-app-events.ts'
import { createBatchStore, type Batch, type StoreResult } from './store-batch.ts'
import { SyncConnection, type SyncPerson, type SyncTransport } from './sync-connection.ts'
import { decodeClientMessage, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './sync-messages.ts'
import { getSyncPosition } from './sync-position.repo.ts'
import { SyncMeter } from './sync-meter.ts'

export { DEFAULT_SYNC_CORE_OPTIONS, type SyncCoreOptions, type SyncStats, type SyncTimers } from './sync-core-options.ts'

// Taken updates applied together (see `took`): enough to share a transaction, few enough to be quick.
const CATCH_UP_AFTER = 50

/** A message on its way out: to one connection, or to a document's connections but one. */
interface Outgoing {
  doc: LiveDoc
  message: Uint8Array
  to?: SyncConnection
  except?: SyncConnection
}

/**
 * The co-editing core, independent of any transport: the registry of loaded drafts, their
 * persistence, and who may read or write. A transport calls `open` when a connection is
 * authorized, `receive` for each binary message, and `close` when the connection ends; the core
 * answers through the connection's `SyncTransport`.
 *
 * Durability: the updates of one event-loop turn are appended to SQLite in one transaction, and
 * everything the core sends in that turn (relays, sync replies, awareness) waits in an outbox
 * that is released, in order, only after that commit. So no client ever sees an update that is
 * not stored, and a burst of updates costs one commit (one fsync under synchronous=FULL). After
 * the commit, each connection whose updates it stored gets one save acknowledgement (AUTH_SAVED).
 *
 * With `config.syncPersist` off (benchmarks only) nothing is stored, compacted or acknowledged.
 */
export class SyncCore {
  private readonly options: SyncCoreOptions
  private readonly docs = new Map<string, LiveDoc>()
  private readonly byPerson = new Map<string, Set<SyncConnection>>()
  private readonly append: Append
  private readonly unstored: Batch = []
  private readonly storeBatch: (batch: Batch) => StoreResult
  private readonly outbox: Outgoing[] = []
  private readonly acks = new SaveAcks()
  private readonly persist: boolean
  private flushQueued = false
  private nextId = 1
  private readonly meter: SyncMeter
  private readonly counters: SyncMeter['counters']
  private stopped = false
  private readonly stopFollowing: () => void

  constructor(
    private readonly deps: Deps,
    options: Partial<SyncCoreOptions> = {},
  ) {
    this.options = { ...DEFAULT_SYNC_CORE_OPTIONS, ...options }
    this.meter = new SyncMeter(deps.log)
    this.counters = this.meter.counters
    this.append = prepareAppend(deps.db)
    this.storeBatch = createBatchStore(deps)
    this.persist = deps.config.syncPersist
    if (!this.persist) {
      deps.log.warn('SYNC_PERSIST=off: EDITS ARE NOT STORED and are lost on a crash or restart. Only for benchmarks, never for real drafts.')
    }
    this.stopFollowing = followAppEvents(this, deps)
  }

  /**
   * Opens a connection to a draft: loads it if needed (fully, before anything is sent), then
   * sends sync step 1, the access message and the awareness states of the others.
   * Throws AppError('not_found') for an unknown position.
   */
  open(positionId: string, person: SyncPerson, transport: SyncTransport): SyncConnection {
    if (this.stopped) fail('invalid_state', 'the sync core is shut down')
    const doc = this.docs.get(positionId) ?? this.load(positionId)
    const mayEdit = can(person.actor, { type: 'position.edit', groupId: doc.groupId })
    const user = { id: person.id, name: person.name, color: presenceColor(person.id) }
    const conn = new SyncConnection(this.nextId++, positionId, person, mayEdit, user, transport, doc.readonly)
    if (doc.idleTimer !== null) {
      this.options.timers.clearTimeout(doc.idleTimer)
      doc.idleTimer = null
    }
    doc.connections.add(conn)
    let mine = this.byPerson.get(person.id)
    if (!mine) this.byPerson.set(person.id, (mine = new Set()))
    mine.add(conn)
    // A state vector and presence reveal no unstored content: these need not wait for a commit.
    conn.send(encodeSyncStep1(doc.stateVector()))
    conn.send(encodeAccessMessage(conn.writable ? 'read-write' : 'read-only'))
    const awareness = doc.awareness.snapshot()
    if (awareness) conn.send(awareness)
    return conn
  }

  /** Handles one binary message. A malformed one ends this connection and nothing else. */
  receive(conn: SyncConnection, frame: Uint8Array): void {
    if (conn.closed) return
    const doc = this.docs.get(conn.positionId)
    if (!doc) return
    this.counters.messages++
    const started = performance.now()
    try {
      const message = decodeClientMessage(frame)
      switch (message.type) {
        case 'step1':
          this.post({ doc, to: conn, message: encodeSyncStep2(doc.encodeState(message.stateVector)) })
          // Answered from the stored row: build the Y.Doc after this reply has left, not before.
          if (!doc.isBuilt) this.options.timers.setTimeout(() => doc.buildNow(), 0)
          break
        case 'step2':
        case 'update':
          // Refused ones count too: the client counts what it sent, and a later acknowledgement
          // only comes after its resync (sync step 2 on being allowed to write), which holds them.
          conn.updatesReceived++
          if (!conn.writable || !this.fits(doc, conn, message.update)) {
            this.counters.refusedUpdates++
            break
          }
          if (doc.applyClientUpdate(conn, message.update, this.options.maxPendingBytes, message.type === 'update')) this.took(doc)
          // Also for an update that changed nothing (it is stored already): the client waits for its count.
          if (this.persist) {
            this.acks.owe(conn)
            this.scheduleFlush()
          }
          break
        case 'awareness': {
          const relay = doc.awareness.receive(conn, message.update, conn.user)
          if (relay) this.post({ doc, message: relay })
          break
        }
        case 'query-awareness': {
          const states = doc.awareness.snapshot()
          if (states) this.post({ doc, to: conn, message: states })
          break
        }
        case 'auth':
          break // clients have nothing to say here
      }
    } catch (error) {
      // Anything thrown while decoding or applying a client's bytes is that client's fault.
      const code = error instanceof AppError ? error.code : 'validation'
      this.end(conn, code, error instanceof Error ? error.message : String(error))
      if (doc.failed) this.dropFailed(doc)
    }
    this.meter.measure(started, conn.positionId, frame.byteLength)
  }

  /** Forgets a connection (idempotent); its awareness states are removed for the others. */
  close(conn: SyncConnection): void {
    if (conn.closed) return
    conn.closed = true
    const mine = this.byPerson.get(conn.person.id)
    mine?.delete(conn)
    if (mine?.size === 0) this.byPerson.delete(conn.person.id)
    const doc = this.docs.get(conn.positionId)
    if (!doc || !doc.connections.delete(conn)) return
    const removal = doc.awareness.remove(conn)
    if (removal) this.post({ doc, message: removal })
    if (doc.connections.size === 0 && !this.stopped) {
      doc.idleTimer = this.options.timers.setTimeout(() => {
        doc.idleTimer = null
        if (doc.connections.size === 0 && this.docs.get(doc.positionId) === doc) this.unload(doc)
      }, this.options.unloadAfterMs)
    }
  }

  /** Ends a connection for a reason, with a log line (malformed, throttled, too large…). */
  end(conn: SyncConnection, code: ErrorCode, message: string): void {
    if (conn.closed) return
    this.meter.countClose(code)
    this.deps.log.warn('sync: connection closed', { positionId: conn.positionId, personId: conn.person.id, code, message })
    conn.transport.close(code)
    this.close(conn)
  }

  /** Mirrors the draft's read-only switch (the database flag is owned by whoever flips it) onto open connections. */
  setReadOnly(positionId: string, readonly: boolean): void {
    const doc = this.docs.get(positionId)
    if (!doc || doc.readonly === readonly) return
    doc.readonly = readonly
    for (const conn of doc.connections) this.refreshAccess(conn)
  }

  /**
   * Decides again what a connection may do (the person's rights as `conn.person.actor` has them
   * now, the draft's read-only switch, the size limit) and tells it when that changed, after this
   * turn's commit. One that may write again is sent sync step 1, so that what it holds and we
   * refused meanwhile is merged instead of stuck.
   */
  refreshAccess(conn: SyncConnection): void {
    const doc = this.docs.get(conn.positionId)
    if (!doc || conn.closed) return
    const mayEdit = can(conn.person.actor, { type: 'position.edit', groupId: doc.groupId })
    if (!conn.decide(mayEdit, doc.readonly)) return
    this.post({ doc, to: conn, message: encodeAccessMessage(conn.writable ? 'read-write' : 'read-only', conn.reason) })
    if (conn.writable) this.post({ doc, to: conn, message: encodeSyncStep1(doc.stateVector()) })
  }

  /**
   * Applies a change the server makes (an imported text) to a loaded draft, as if one more
   * editor had sent it: stored with this turn's commit, then sent to every connection.
   * False when the draft is not loaded (the caller then stores it itself).
   */
  applyServerUpdate(positionId: string, update: Uint8Array): boolean {
    const doc = this.docs.get(positionId)
    if (!doc || doc.failed || doc.destroyed) return false
    Y.applyUpdate(doc.doc, update)
    this.scheduleFlush()
    return true
  }

  /** The open connections of a person (a copy). */
  connectionsOf(personId: string): SyncConnection[] {
    return [...(this.byPerson.get(personId) ?? [])]
  }
  *connections(): Generator<SyncConnection> {
    for (const mine of this.byPerson.values()) yield* mine
  }

  connectionCount(personId: string): number {
    return this.byPerson.get(personId)?.size ?? 0
  }

  isLoaded(positionId: string): boolean {
    return this.docs.has(positionId)
  }

  /** The loaded draft's state vector (for tests and diagnostics); null when not loaded. */
  stateVector(positionId: string): Uint8Array | null {
    return this.docs.get(positionId)?.stateVector() ?? null
  }

  /** Compacts now if the log has more than one entry (normally automatic). */
  compact(positionId: string): boolean {
    const doc = this.docs.get(positionId)
    return doc ? this.compactDoc(doc) : false
  }

  stats(): SyncStats {
    let connections = 0
    let takenWaiting = 0
    for (const doc of this.docs.values()) {
      connections += doc.connections.size
      takenWaiting += doc.takenCount
    }
    return { documents: this.docs.size, connections, takenWaiting, ...this.counters, closedFor: { ...this.meter.closedFor } }
  }

  /**
   * Stores what this turn changed in one transaction, then sends what this turn produced, in
   * order, then the save acknowledgements. Runs by itself at the end of each event-loop turn;
   * callable any time.
   */
  flush(): void {
    this.flushQueued = false
    let failed = new Set<LiveDoc>()
    if (!this.persist) this.unstored.length = 0
    if (this.unstored.length) {
      const batch = this.unstored.splice(0)
      const result = this.storeBatch(batch)
      failed = result.failed
      if (result.committed) this.counters.commits++
      this.counters.storedUpdates += result.stored
      for (const { doc } of batch) {
        if (failed.has(doc)) doc.failed = true
        else if (doc.storedEntries > this.options.compactAfter) this.scheduleCompaction(doc)
      }
    }
    for (const out of this.outbox.splice(0)) {
      if (out.doc.failed || out.doc.destroyed) continue
      if (out.to) out.to.send(out.message)
      else out.doc.broadcast(out.message, out.except)
    }
    this.acks.release((conn) => {
      const doc = this.docs.get(conn.positionId)
      return doc && !doc.failed && !doc.destroyed ? doc : null
    })
    for (const doc of failed) this.dropFailed(doc)
  }

  /** Closes every connection ("going away"), stores and sends what is pending, compacts and unloads every draft. */
  shutdown(): void {
    if (this.stopped) return
    this.flush()
    this.stopped = true
    this.stopFollowing()
    for (const doc of [...this.docs.values()]) {
      for (const conn of [...doc.connections]) {
        conn.transport.close('shutdown')
        this.close(conn)
      }
      this.unload(doc)
    }
    this.outbox.length = 0
    this.acks.clear()
  }

  /**
   * Whether the draft stays within its size limit with this update. Compacting first gives the
   * real size (only once the log grew by an eighth of the limit since the last compaction: refused
   * updates must not buy a compaction each). A writer over it becomes read-only, told why.
   */
  private fits(doc: LiveDoc, conn: SyncConnection, update: Uint8Array): boolean {
    const limit = this.deps.config.maxDraftBytes
    if (update.byteLength <= 2 || doc.sizeBytes + update.byteLength <= limit) return true
    if (doc.sizeBytes - doc.compactedBytes >= limit / 8) this.compactDoc(doc)
    if (doc.sizeBytes + update.byteLength <= limit) return true
    conn.tooLarge = true
    this.refreshAccess(conn)
    return false
  }

  private load(positionId: string): LiveDoc {
    const position = getSyncPosition(this.deps.db, positionId) ?? fail('not_found')
    const doc = new LiveDoc(this.deps, this.append, positionId, position, (update, origin) => this.changed(doc, update, origin))
    this.docs.set(positionId, doc)
    if (doc.storedEntries > this.options.compactAfter) this.scheduleCompaction(doc)
    return doc
  }

  /**
   * An update was taken (live-doc.ts `take`). Every CATCH_UP_AFTER of them are applied in a
   * timer of their own, after this turn's relay has gone out: small steps keep the Y.Doc close,
   * so that no joining client or compaction has to wait for hundreds of them at once.
   */
  private took(doc: LiveDoc): void {
    this.counters.takenUpdates++
    if (doc.takenCount !== CATCH_UP_AFTER) return
    this.options.timers.setTimeout(() => {
      try {
        doc.catchUp()
      } catch {
        if (doc.failed) this.dropFailed(doc)
      }
    }, 0)
  }

  /** A change of a loaded Y.Doc: stored with this turn's commit, relayed after it. */
  private changed(doc: LiveDoc, update: Uint8Array, origin: SyncConnection | undefined): void {
    this.unstored.push({ doc, update })
    this.post({ doc, message: encodeSyncUpdate(update), except: origin })
  }

  private post(out: Outgoing): void {
    this.outbox.push(out)
    this.scheduleFlush()
  }

  private scheduleFlush(): void {
    if (this.flushQueued) return
    this.flushQueued = true
    setImmediate(() => {
      const started = performance.now()
      this.flush()
      this.meter.measure(started, null, 0)
    })
  }

  private scheduleCompaction(doc: LiveDoc): void {
    if (doc.compactionScheduled) return
    doc.compactionScheduled = true
    // Later, not inside the commit: the relay is not delayed by the snapshot.
    this.options.timers.setTimeout(() => {
      doc.compactionScheduled = false
      if (this.docs.get(doc.positionId) === doc) this.compactDoc(doc)
    }, 0)
  }

  private compactDoc(doc: LiveDoc): boolean {
    // The snapshot covers the Y.Doc as it is: what it holds must be in the log first.
    this.flush()
    if (doc.failed || doc.destroyed || !this.persist) return false
    try {
      const done = doc.compact()
      if (done) this.counters.compactions++
      return done
    } catch (error) {
      this.deps.log.error('sync: compaction failed; the log stays as it is', { positionId: doc.positionId, error })
      if (doc.failed) this.dropFailed(doc)
      return false
    }
  }

  private unload(doc: LiveDoc): void {
    if (doc.idleTimer !== null) this.options.timers.clearTimeout(doc.idleTimer)
    doc.idleTimer = null
    this.compactDoc(doc)
    this.docs.delete(doc.positionId)
    doc.destroy()
  }

  /** The memory state got ahead of the database: drop it; clients reconnect and resend. */
  private dropFailed(doc: LiveDoc): void {
    for (const conn of [...doc.connections]) {
      this.meter.countClose('internal')
      conn.transport.close('internal')
      this.close(conn)
    }
    if (doc.idleTimer !== null) this.options.timers.clearTimeout(doc.idleTimer)
    if (this.docs.get(doc.positionId) === doc) this.docs.delete(doc.positionId)
    doc.destroy()
  }
}

import * as Y from 'yjs'
import { AppError, fail, type ErrorCode } from '../../shared/errors.ts'
import { can } from '../../shared/policy.ts'
import { presenceColor } from '../../shared/presence-color.ts'
import { encodeAccessMessage } from '../../shared/sync/protocol.ts'
import type { Deps } from '../deps.ts'
import { prepareAppend } from './doc.repo.ts'
import { DocRegistry } from './doc-registry.ts'
import { LiveDoc, type Append } from './live-doc.ts'
import { DEFAULT_SYNC_CORE_OPTIONS, type SyncCoreOptions, type SyncStats } from './sync-core-options.ts'
import { followAppEvents } from './follow-app-events.ts'
import { SyncConnection, type SyncPerson, type SyncTransport } from './sync-connection.ts'
import { decodeClientMessage, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './sync-messages.ts'
import { getSyncPosition } from './sync-position.repo.ts'
import { SyncMeter } from './sync-meter.ts'
import { TurnOutbox, type Outgoing } from './turn-outbox.ts'

export { DEFAULT_SYNC_CORE_OPTIONS, type SyncCoreOptions, type SyncStats, type SyncTimers } from './sync-core-options.ts'

// Taken updates applied together (see `took`): enough to share a transaction, few enough to be quick.
const CATCH_UP_AFTER = 50

/**
 * The co-editing core, independent of any transport: the registry of loaded drafts, their
 * persistence, and who may read or write. A transport calls `open` when a connection is
 * authorized, `receive` for each binary message, and `close` when the connection ends; the core
 * answers through the connection's `SyncTransport`.
 *
 * Roles: `doc-registry.ts` knows what is loaded and who is connected (and when a draft is idle
 * or due for compaction); `turn-outbox.ts` stores a turn's updates in the app's per-turn commit
 * (`deps.turnCommit`, shared with ballots) and sends nothing of the turn before it; `live-doc.ts`
 * is one draft; `sync-meter.ts` counts. This class speaks the protocol and decides access.
 *
 * With `config.syncPersist` off (benchmarks only) nothing is stored, compacted or acknowledged.
 */
export class SyncCore {
  private readonly options: SyncCoreOptions
  private readonly registry: DocRegistry
  private readonly turn: TurnOutbox
  private readonly append: Append
  private readonly persist: boolean
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
    this.persist = deps.config.syncPersist
    this.registry = new DocRegistry(this.options.timers, this.options.unloadAfterMs, {
      idle: (doc) => this.unload(doc),
      compactionDue: (doc) => this.compactDoc(doc),
    })
    this.turn = new TurnOutbox(deps, this.persist, this.meter, {
      stored: (doc) => {
        if (doc.storedEntries > this.options.compactAfter) this.registry.scheduleCompaction(doc)
      },
      failed: (doc) => this.dropFailed(doc),
      docOf: (conn) => this.registry.get(conn.positionId),
    })
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
    const doc = this.registry.get(positionId) ?? this.load(positionId)
    const mayEdit = can(person.actor, { type: 'position.edit', groupId: doc.groupId })
    const user = { id: person.id, name: person.name, color: presenceColor(person.id) }
    const conn = new SyncConnection(this.nextId++, positionId, person, mayEdit, user, transport, doc.readonly)
    this.registry.connect(doc, conn)
    // A state vector and presence reveal no unstored content: these need not wait for a commit.
    conn.send(encodeSyncStep1(doc.stateVector()))
    conn.send(encodeAccessMessage(conn.writable ? 'read-write' : 'read-only'))
    const awareness = doc.awarenessSnapshot()
    if (awareness) conn.send(awareness)
    return conn
  }

  /** Handles one binary message. A malformed one ends this connection and nothing else. */
  receive(conn: SyncConnection, frame: Uint8Array): void {
    if (conn.closed) return
    const doc = this.registry.get(conn.positionId)
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
          if (this.persist) this.turn.owe(conn)
          break
        case 'awareness': {
          const relay = doc.receiveAwareness(conn, message.update)
          if (relay) this.post({ doc, message: relay })
          break
        }
        case 'query-awareness': {
          const states = doc.awarenessSnapshot()
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
    const removal = this.registry.disconnect(conn, !this.stopped)
    const doc = this.registry.get(conn.positionId)
    if (removal && doc) this.post({ doc, message: removal })
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
    const doc = this.registry.get(positionId)
    if (!doc || !doc.setReadonly(readonly)) return
    for (const conn of doc.connections()) this.refreshAccess(conn)
  }

  /**
   * Decides again what a connection may do (the person's rights as `conn.person.actor` has them
   * now, the draft's read-only switch, the size limit) and tells it when that changed, after this
   * turn's commit. One that may write again is sent sync step 1, so that what it holds and we
   * refused meanwhile is merged instead of stuck.
   */
  refreshAccess(conn: SyncConnection): void {
    const doc = this.registry.get(conn.positionId)
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
    const doc = this.registry.get(positionId)
    if (!doc || doc.failed || doc.destroyed) return false
    doc.applyServerUpdate(update)
    return true
  }

  /** The open connections of a person (a copy). */
  connectionsOf(personId: string): SyncConnection[] {
    return this.registry.connectionsOf(personId)
  }
  connections(): Generator<SyncConnection> {
    return this.registry.connections()
  }

  connectionCount(personId: string): number {
    return this.registry.connectionCount(personId)
  }

  isLoaded(positionId: string): boolean {
    return this.registry.get(positionId) !== undefined
  }

  /** The loaded draft's state vector (for tests and diagnostics); null when not loaded. */
  stateVector(positionId: string): Uint8Array | null {
    return this.registry.get(positionId)?.stateVector() ?? null
  }

  /** Compacts now if the log has more than one entry (normally automatic). */
  compact(positionId: string): boolean {
    const doc = this.registry.get(positionId)
    return doc ? this.compactDoc(doc) : false
  }

  stats(): SyncStats {
    return this.meter.stats(this.registry.loaded())
  }

  /**
   * Commits this turn now (the app's per-turn commit, with whatever else joined it), then sends
   * what the turn produced. Runs by itself at the end of each event-loop turn; callable any time.
   */
  flush(): void {
    this.deps.turnCommit.commit()
  }

  /** Closes every connection ("going away"), stores and sends what is pending, compacts and unloads every draft. */
  shutdown(): void {
    if (this.stopped) return
    this.flush()
    this.stopped = true
    this.stopFollowing()
    for (const doc of this.registry.loaded()) {
      for (const conn of doc.connections()) {
        conn.transport.close('shutdown')
        this.close(conn)
      }
      this.unload(doc)
    }
    this.turn.clear()
  }

  /**
   * Whether the draft stays within its size limit with this update. Compacting first gives the
   * real size (only once the log grew by an eighth of the limit since the last compaction: refused
   * updates must not buy a compaction each). A writer over it becomes read-only, told why.
   */
  private fits(doc: LiveDoc, conn: SyncConnection, update: Uint8Array): boolean {
    const limit = this.deps.config.maxDraftBytes
    if (update.byteLength <= 2 || doc.fits(update.byteLength, limit)) return true
    if (doc.grownSinceCompaction >= limit / 8) this.compactDoc(doc)
    if (doc.fits(update.byteLength, limit)) return true
    conn.tooLarge = true
    this.refreshAccess(conn)
    return false
  }

  private load(positionId: string): LiveDoc {
    const position = getSyncPosition(this.deps.db, positionId) ?? fail('not_found')
    const doc = new LiveDoc(this.deps, this.append, positionId, position, (update, origin) => this.changed(doc, update, origin))
    this.registry.add(doc)
    if (doc.storedEntries > this.options.compactAfter) this.registry.scheduleCompaction(doc)
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
    this.turn.store(doc, update)
    this.post({ doc, message: encodeSyncUpdate(update), except: origin })
  }

  private post(out: Outgoing): void {
    this.turn.post(out)
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
    this.compactDoc(doc)
    this.registry.remove(doc)
    doc.destroy()
  }

  /** The memory state got ahead of the database: drop it; clients reconnect and resend. */
  private dropFailed(doc: LiveDoc): void {
    for (const conn of doc.connections()) {
      this.meter.countClose('internal')
      conn.transport.close('internal')
      this.close(conn)
    }
    this.registry.remove(doc)
    doc.destroy()
  }
}

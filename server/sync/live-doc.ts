import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import type { Deps } from '../deps.ts'
import { AwarenessRelay } from './awareness-relay.ts'
import { deleteUpdatesUpTo } from './doc.repo.ts'
import { integratesAsIs, type DecodedUpdate } from './integrates-as-is.ts'
import { buildDoc, readStoredLog } from './load-doc.ts'
import { SyncConnection } from './sync-connection.ts'
import { recordLastEdit, type SyncPosition } from './sync-position.repo.ts'

/** Appends one update to the stored log; returns its row id (see doc.repo.ts prepareAppend). */
export type Append = (positionId: string, update: Uint8Array) => number

// last_edit_at is for lists ("edited 5 minutes ago"): writing it once per this interval (and
// exactly at unload) keeps keystrokes to one row write each.
const LAST_EDIT_WRITE_INTERVAL_MS = 10_000

/**
 * One draft held in memory: the Y.Doc, its connections and awareness, and its place in the
 * stored log. Every change of the Y.Doc goes to the core (`changed`), which appends it to SQLite
 * before anything about it is sent, so nothing any client has seen from us can be lost by a crash.
 */
export class LiveDoc {
  readonly groupId: string
  private readonly conns = new Set<SyncConnection>()
  private readonly awareness = new AwarenessRelay<SyncConnection>()
  private draftReadonly: boolean
  /** Set when an update could not be stored: the memory state is ahead of the database. */
  private hasFailed = false
  private isDestroyed = false
  /**
   * The draft's size as stored: the bytes of its log rows, plus what was accepted and not yet
   * stored. Compaction brings it down to the size of the snapshot (the Yjs state).
   */
  private sizeBytes = 0
  /** `sizeBytes` right after the last compaction (or the load). */
  private compactedBytes = 0
  private lastId: number
  private logCount: number
  private lastEditAt = 0
  private lastEditWritten = 0
  private built: Y.Doc | null = null
  /**
   * The one stored row while the Y.Doc is not built yet. A log of one row (a snapshot after
   * compaction, or a first update) is complete on its own: a client that has nothing is sent
   * these bytes as they are, before the Y.Doc is built (building a large draft's Y.Doc and
   * encoding it again was most of the time a first reader waited). See `encodeState`.
   */
  private storedOnly: Uint8Array | null = null
  private storedStateVector: Uint8Array | null = null
  /**
   * Updates taken (stored and relayed) but not yet applied to the Y.Doc; see `take`. Applying
   * them one at a time is most of what a keystroke costs the server (a Yjs transaction computes
   * the state vector twice and walks every client); a batch shares one transaction.
   */
  private taken: Uint8Array[] = []
  /** The Y.Doc's state vector with the taken updates: what this draft holds. Null when none are taken. */
  private held: Map<number, number> | null = null

  constructor(
    private readonly deps: Deps,
    private readonly append: Append,
    readonly positionId: string,
    position: SyncPosition,
    /** Called for every change of the Y.Doc: the core stores it, then relays it. */
    private readonly changed: (update: Uint8Array, origin: SyncConnection | undefined) => void,
  ) {
    // Reading is synchronous, so the stored state is complete before any reply can go out.
    const { updates, lastId } = readStoredLog(deps.db, positionId)
    this.lastId = lastId
    this.logCount = updates.length
    for (const update of updates) this.sizeBytes += update.byteLength
    this.compactedBytes = this.sizeBytes
    this.groupId = position.group_id
    this.draftReadonly = position.draft_readonly === 1
    if (updates.length === 1) this.storedOnly = updates[0]!
    else this.build(updates)
  }

  /** The draft's read-only switch as the core last heard it (the database flag is owned by the lifecycle). */
  get readonly(): boolean {
    return this.draftReadonly
  }

  /** Sets the read-only switch; true when it changed. */
  setReadonly(readonly: boolean): boolean {
    if (this.draftReadonly === readonly) return false
    this.draftReadonly = readonly
    return true
  }

  get failed(): boolean {
    return this.hasFailed
  }

  /** The memory state got ahead of the database (an update could not be stored): the core drops the draft. */
  markFailed(): void {
    this.hasFailed = true
  }

  get destroyed(): boolean {
    return this.isDestroyed
  }

  attach(conn: SyncConnection): void {
    this.conns.add(conn)
  }

  /** Forgets a connection; returns the awareness message telling the others it left (null: nothing to tell), or false when it was not attached. */
  detach(conn: SyncConnection): Uint8Array | null | false {
    if (!this.conns.delete(conn)) return false
    return this.awareness.remove(conn)
  }

  get connectionCount(): number {
    return this.conns.size
  }

  /** The open connections (a copy: safe to close them while iterating). */
  connections(): SyncConnection[] {
    return [...this.conns]
  }

  /** Takes a connection's presence update; returns what to relay (null: nothing). */
  receiveAwareness(conn: SyncConnection, update: Uint8Array): Uint8Array | null {
    return this.awareness.receive(conn, update, conn.user)
  }

  /** Everyone's presence, for a joining connection (null: nobody's). */
  awarenessSnapshot(): Uint8Array | null {
    return this.awareness.snapshot()
  }

  /** Whether the draft stays within `limit` bytes with `bytes` more. */
  fits(bytes: number, limit: number): boolean {
    return this.sizeBytes + bytes <= limit
  }

  /** How much the stored log grew since the last compaction (compacting gives the real size). */
  get grownSinceCompaction(): number {
    return this.sizeBytes - this.compactedBytes
  }

  /** The draft's Y.Doc, with every update taken so far; built on first use when only the stored row was read. */
  private get doc(): Y.Doc {
    const doc = this.built ?? this.build(this.storedOnly ? [this.storedOnly] : [])
    if (this.taken.length) this.applyTaken(doc)
    return doc
  }

  get isBuilt(): boolean {
    return this.built !== null
  }

  /** Builds the Y.Doc now if it is not built yet. */
  buildNow(): void {
    if (!this.built && !this.isDestroyed) this.doc
  }

  /** The state vector; read off the stored row without building the Y.Doc when it is not built. */
  stateVector(): Uint8Array {
    if (this.held) return Y.encodeStateVector(this.held)
    if (this.built || !this.storedOnly) return Y.encodeStateVector(this.doc)
    // Nothing changes the state before the Y.Doc is built: read it off the row once.
    this.storedStateVector ??= Y.encodeStateVectorFromUpdate(this.storedOnly)
    return this.storedStateVector
  }

  /**
   * The state vector's entries for `clients` only: what a save acknowledgement needs. The whole
   * state vector grows by a client id with every page load that edits the draft, and encoding
   * it after every keystroke cost more than the rest of the acknowledgement.
   */
  stateVectorOf(clients: ReadonlySet<number>): Uint8Array {
    const clocks: number[] = []
    let stored: Map<number, number> | null = null
    for (const client of clients) {
      let clock: number
      if (this.held) clock = this.held.get(client) ?? 0
      else if (this.built || !this.storedOnly) clock = Y.getState(this.doc.store, client)
      else clock = (stored ??= Y.decodeStateVector(this.stateVector())).get(client) ?? 0
      if (clock > 0) clocks.push(client, clock)
    }
    // Yjs' V1 state vector (count, then client and clock pairs), written directly: at a
    // keystroke's pace Y.encodeStateVector is slow for a one-entry vector (docs/BENCHMARKS.md,
    // "Figures behind the code").
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, clocks.length / 2)
    for (const value of clocks) encoding.writeVarUint(encoder, value)
    return encoding.toUint8Array(encoder)
  }

  private build(updates: readonly Uint8Array[]): Y.Doc {
    const doc = buildDoc(updates)
    doc.on('update', this.onUpdate)
    this.built = doc
    this.storedOnly = null
    this.storedStateVector = null
    return doc
  }

  get storedEntries(): number {
    return this.logCount
  }

  /**
   * Applies a writer's update. Validated first with a full V1 decode that allocates nothing
   * ahead: Y.applyUpdate pre-allocates an array as long as the struct count a frame claims, so a
   * tiny frame could keep it busy for long before failing (docs/BENCHMARKS.md, "Figures behind the code").
   * With `mayTake` (a plain "update" message, not a sync step 2), an update that provably
   * integrates is taken instead (see `take`); returns true then.
   */
  applyClientUpdate(origin: SyncConnection, update: Uint8Array, maxPendingBytes: number, mayTake = false): boolean {
    // What a client that holds nothing answers to our sync step 1. Applying it changes nothing,
    // and it must not make us build the Y.Doc before the reply this client is waiting for.
    if (isEmptyUpdate(update)) return false
    let decoded: DecodedUpdate
    try {
      decoded = Y.decodeUpdate(update)
    } catch {
      fail('validation', 'malformed Yjs update')
    }
    // Structs come sorted by client id: comparing with the previous one skips most repeats.
    let last = -1
    for (const struct of decoded.structs) if (struct.id.client !== last) origin.wrote((last = struct.id.client))
    if (mayTake && this.take(update, decoded, origin)) return true
    Y.applyUpdate(this.doc, update, origin)
    const store = this.doc.store
    const pending = (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0)
    if (pending > maxPendingBytes) {
      // Updates whose dependencies never arrive would pile up and be re-merged on every update.
      // They were never integrated nor stored, so dropping them loses nothing anyone has seen.
      store.pendingStructs = null
      store.pendingDs = null
      fail('validation', 'update depends on missing data')
    }
    return false
  }

  /**
   * Takes an update without applying it yet, when it provably integrates as it is
   * (integrates-as-is.ts): it is stored and relayed as received, like the change Y.applyUpdate
   * would report, and applied with others later, when anything reads the Y.Doc (a joining
   * client, compaction after `compactAfter` log rows, unloading). Not while
   * the Y.Doc holds pending structs: an update could complete them, and that change must be
   * stored and relayed too, which only applying it reports.
   */
  private take(update: Uint8Array, decoded: DecodedUpdate, origin: SyncConnection): boolean {
    const doc = this.built ?? this.doc
    if (doc.store.pendingStructs || doc.store.pendingDs) return false
    const held = this.held ?? Y.decodeStateVector(Y.encodeStateVector(doc))
    const advanced = integratesAsIs(decoded, (client) => held.get(client) ?? 0)
    if (!advanced) return false
    // Nothing new (a resent update): Y.applyUpdate would report no change either.
    if (advanced.size === 0 && decoded.ds.clients.size === 0) return true
    for (const [client, clock] of advanced) held.set(client, clock)
    this.held = held
    this.taken.push(update)
    this.onUpdate(update, origin)
    return true
  }

  /**
   * Applies a change the server makes (an imported text), after what is taken: stored and relayed
   * like a writer's update, with no connection as its origin.
   */
  applyServerUpdate(update: Uint8Array): void {
    this.catchUp()
    Y.applyUpdate(this.doc, update)
  }

  /** How many updates are taken and not yet applied. */
  get takenCount(): number {
    return this.taken.length
  }

  /** Applies the taken updates now (throws AppError('internal') and marks the draft failed if that fails). */
  catchUp(): void {
    // Something is taken only once the Y.Doc is built (see `take`).
    if (this.taken.length && this.built && !this.isDestroyed) this.applyTaken(this.built)
  }

  private applyTaken(doc: Y.Doc): void {
    const taken = this.taken
    this.taken = []
    this.held = null
    // Stored and relayed when taken: what applying them changes is not reported again.
    try {
      Y.transact(doc, () => {
        for (const update of taken) Y.applyUpdate(doc, update, this)
      }, this)
    } catch (error) {
      // Cannot happen for updates integrates-as-is.ts passed; if it did, the Y.Doc now lacks
      // stored updates: a snapshot of it would lose them. The core drops a failed draft.
      this.hasFailed = true
      this.deps.log.error('sync: applying taken updates failed; the draft is reloaded', { positionId: this.positionId, error })
      fail('internal', 'the draft could not be updated')
    }
  }

  broadcast(message: Uint8Array, except?: SyncConnection): void {
    for (const conn of this.conns) if (conn !== except) conn.send(message)
  }

  /**
   * The document's integrated state beyond `stateVector` (V1). Updates still waiting for missing
   * dependencies are left out: they are not stored (Yjs reports them only once integrated), so
   * sending them would let a client hold something a crash could take from the server; and
   * leaving them out spares a mergeUpdatesV2 over them on every reply.
   */
  encodeState(stateVector?: Uint8Array): Uint8Array {
    if (this.storedOnly && (!stateVector || isEmptyStateVector(stateVector))) return this.storedOnly
    const store = this.doc.store
    const { pendingStructs, pendingDs } = store
    store.pendingStructs = null
    store.pendingDs = null
    try {
      return Y.encodeStateAsUpdate(this.doc, stateVector)
    } finally {
      store.pendingStructs = pendingStructs
      store.pendingDs = pendingDs
    }
  }

  /** Replaces the stored log up to the last applied row by one snapshot, in one DB transaction. */
  compact(): boolean {
    if (this.hasFailed) return false
    const needed = this.logCount > 1 || this.lastEditAt > this.lastEditWritten
    if (!needed) return false
    const snapshot = this.logCount > 1 ? this.encodeState() : null
    transaction(this.deps.db, () => {
      if (snapshot) {
        deleteUpdatesUpTo(this.deps.db, this.positionId, this.lastId)
        this.lastId = this.append(this.positionId, snapshot)
      }
      if (this.lastEditAt > this.lastEditWritten) recordLastEdit(this.deps.db, this.positionId, this.lastEditAt)
    })
    if (snapshot) {
      this.logCount = 1
      this.sizeBytes = this.compactedBytes = snapshot.byteLength
    }
    this.lastEditWritten = Math.max(this.lastEditWritten, this.lastEditAt)
    return snapshot !== null
  }

  destroy(): void {
    this.isDestroyed = true
    this.storedOnly = null
    this.taken = []
    this.held = null
    this.built?.off('update', this.onUpdate)
    this.built?.destroy()
  }

  /** Writes one update to the log; runs inside the caller's transaction (one per event-loop turn). */
  store(update: Uint8Array, now: number): void {
    this.lastId = this.append(this.positionId, update)
    if (now - this.lastEditWritten >= LAST_EDIT_WRITE_INTERVAL_MS) {
      recordLastEdit(this.deps.db, this.positionId, now)
      this.lastEditWritten = now
    }
    this.logCount++
    this.lastEditAt = now
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.hasFailed) return
    this.sizeBytes += update.byteLength
    this.changed(update, origin instanceof SyncConnection ? origin : undefined)
  }
}

/** A state vector of nobody: a client that holds nothing yet (encoded as the count 0). */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0
}

/** A V1 update without structs or deletions: zero struct groups, zero delete-set clients. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}

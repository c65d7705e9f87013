import * as Y from 'yjs'
import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import type { Deps } from '../deps.ts'
import { AwarenessRelay } from './awareness-relay.ts'
import { deleteUpdatesUpTo } from './doc.repo.ts'
import { loadDocFromDb } from './load-doc.ts'
import type { SyncConnection } from './sync-connection.ts'
import { encodeSyncUpdate } from './sync-messages.ts'
import { recordLastEdit, type SyncPosition } from './sync-position.repo.ts'

/** Appends one update to the stored log; returns its row id (see doc.repo.ts prepareAppend). */
export type Append = (positionId: string, update: Uint8Array) => number

// last_edit_at is for lists ("edited 5 minutes ago"): writing it once per this interval (and
// exactly at unload) keeps keystrokes to one row write each.
const LAST_EDIT_WRITE_INTERVAL_MS = 10_000

/**
 * One draft held in memory: the Y.Doc, its connections and awareness, and its place in the
 * stored log. Every change of the Y.Doc is appended to SQLite (in a transaction) before it is
 * relayed, so nothing any client has seen from us can be lost by a crash.
 */
export class LiveDoc {
  readonly doc: Y.Doc
  readonly connections = new Set<SyncConnection>()
  readonly awareness = new AwarenessRelay<SyncConnection>()
  readonly groupId: string
  readonly: boolean
  /** Set when an update could not be stored: the memory state is ahead of the database. */
  failed = false
  idleTimer: unknown = null
  compactionScheduled = false
  private lastId: number
  private logCount: number
  private lastEditAt = 0
  private lastEditWritten = 0

  constructor(
    private readonly deps: Deps,
    private readonly append: Append,
    readonly positionId: string,
    position: SyncPosition,
    /** Called after each stored update (the core counts and decides on compaction). */
    private readonly stored: () => void,
  ) {
    // Loading is synchronous, so the stored state is complete before any reply can go out.
    const loaded = loadDocFromDb(deps.db, positionId)
    this.doc = loaded.doc
    this.lastId = loaded.lastId
    this.logCount = loaded.count
    this.groupId = position.group_id
    this.readonly = position.draft_readonly === 1
    this.doc.on('update', this.onUpdate)
  }

  get storedEntries(): number {
    return this.logCount
  }

  /**
   * Applies a writer's update. Validated first with a full V1 decode that allocates nothing
   * ahead: Y.applyUpdate pre-allocates an array as long as the struct count a frame claims, so a
   * 57-byte frame could make it spend hundreds of milliseconds (measured) before failing.
   */
  applyClientUpdate(origin: SyncConnection, update: Uint8Array, maxPendingBytes: number): void {
    try {
      Y.decodeUpdate(update)
    } catch {
      fail('validation', 'malformed Yjs update')
    }
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
  }

  broadcast(message: Uint8Array, except?: SyncConnection): void {
    for (const conn of this.connections) if (conn !== except) conn.send(message)
  }

  /** Replaces the stored log up to the last applied row by one snapshot, in one DB transaction. */
  compact(): boolean {
    if (this.failed) return false
    const needed = this.logCount > 1 || this.lastEditAt > this.lastEditWritten
    if (!needed) return false
    const snapshot = this.logCount > 1 ? Y.encodeStateAsUpdate(this.doc) : null
    transaction(this.deps.db, () => {
      if (snapshot) {
        deleteUpdatesUpTo(this.deps.db, this.positionId, this.lastId)
        this.lastId = this.append(this.positionId, snapshot)
      }
      if (this.lastEditAt > this.lastEditWritten) recordLastEdit(this.deps.db, this.positionId, this.lastEditAt)
    })
    if (snapshot) this.logCount = 1
    this.lastEditWritten = Math.max(this.lastEditWritten, this.lastEditAt)
    return snapshot !== null
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate)
    this.doc.destroy()
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.failed) return
    const now = this.deps.now()
    try {
      transaction(this.deps.db, () => {
        this.lastId = this.append(this.positionId, update)
        if (now - this.lastEditWritten >= LAST_EDIT_WRITE_INTERVAL_MS) {
          recordLastEdit(this.deps.db, this.positionId, now)
          this.lastEditWritten = now
        }
      })
    } catch (error) {
      this.failed = true
      this.deps.log.error('sync: could not store an update; the draft is reloaded', { positionId: this.positionId, error })
      return
    }
    this.logCount++
    this.lastEditAt = now
    this.broadcast(encodeSyncUpdate(update), origin as SyncConnection | undefined)
    this.stored()
  }
}

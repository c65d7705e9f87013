import type { TurnPart } from '../../db/turn-commit.ts'
import { preparedTransaction } from '../../db/query.ts'
import type { Deps } from '../deps.ts'
import type { LiveDoc } from './live-doc.ts'
import { SaveAcks } from './save-acks.ts'
import type { SyncConnection } from './sync-connection.ts'
import type { SyncMeter } from './sync-meter.ts'

/** A message on its way out: to one connection, or to a document's connections but one. */
export interface Outgoing {
  doc: LiveDoc
  message: Uint8Array
  to?: SyncConnection
  except?: SyncConnection
}

type Batch = Array<{ doc: LiveDoc; update: Uint8Array }>

export interface TurnOutboxHooks {
  /** A draft's updates of this turn are stored (the core checks whether to compact). */
  stored(doc: LiveDoc): void
  /** A draft's memory state got ahead of the database: the core drops it. */
  failed(doc: LiveDoc): void
  /** The loaded draft of a connection owed a save acknowledgement. */
  docOf(conn: SyncConnection): LiveDoc | undefined
}

/**
 * The sync core's part in the app's per-turn commit (`deps.turnCommit`): the updates of one
 * event-loop turn (of any drafts) are appended to SQLite in that commit, and everything the
 * core sends in the turn (relays, sync replies, awareness) waits here and is released, in
 * order, only after it; then each connection whose updates it stored gets one save
 * acknowledgement. So no client ever sees an update that is not stored. With `persist` off
 * (benchmarks only) nothing is stored or acknowledged.
 */
export class TurnOutbox implements TurnPart {
  private unstored: Batch = []
  private outbox: Outgoing[] = []
  private readonly acks = new SaveAcks()
  private joined = false
  /** What `write` stored in this turn's commit, for `settle`. */
  private writing: { batch: Batch; failed: Set<LiveDoc>; stored: number } | null = null
  private readonly storeOne: (doc: LiveDoc, update: Uint8Array, now: number) => void

  constructor(
    private readonly deps: Deps,
    private readonly persist: boolean,
    private readonly meter: SyncMeter,
    private readonly hooks: TurnOutboxHooks,
  ) {
    // Built once, not per turn: this runs on every keystroke.
    this.storeOne = preparedTransaction(deps.db, (doc: LiveDoc, update: Uint8Array, now: number) => doc.store(update, now))
  }

  /** An update of a loaded draft: stored in this turn's commit. */
  store(doc: LiveDoc, update: Uint8Array): void {
    this.unstored.push({ doc, update })
    this.join()
  }

  /** A message sent after this turn's commit. */
  post(out: Outgoing): void {
    this.outbox.push(out)
    this.join()
  }

  /** The connection gets a save acknowledgement after this turn's commit. */
  owe(conn: SyncConnection): void {
    this.acks.owe(conn)
    this.join()
  }

  /** Forgets what waits (the core shuts down). */
  clear(): void {
    this.unstored = []
    this.outbox = []
    this.acks.clear()
  }

  hasWrites(): boolean {
    return this.persist && this.unstored.length > 0
  }

  /**
   * Inside the turn's transaction. A savepoint per update, only when the turn touched several
   * drafts: one draft that cannot be stored (say, deleted) then spares the others. With one
   * draft, its failure fails its part of the turn.
   */
  write(): void {
    const batch = this.unstored
    this.unstored = []
    const failed = new Set<LiveDoc>()
    this.writing = { batch, failed, stored: 0 }
    const now = this.deps.now()
    const first = batch[0]?.doc
    const isolate = batch.some(({ doc }) => doc !== first)
    for (const { doc, update } of batch) {
      if (doc.destroyed || failed.has(doc)) continue
      if (!isolate) {
        doc.store(update, now)
        this.writing.stored++
        continue
      }
      try {
        this.storeOne(doc, update, now)
        this.writing.stored++
      } catch (error) {
        // Some errors (a full disk, I/O) make SQLite roll back the whole transaction: then
        // nothing of this turn is stored, and every draft of it must be reloaded.
        if (!this.deps.db.sqlite.inTransaction) throw error
        failed.add(doc)
        this.deps.log.error('sync: could not store an update; the draft is reloaded', { positionId: doc.positionId, error })
      }
    }
  }

  /** After the turn's commit: sends what this turn produced, in order, then the save acknowledgements. */
  settle(error: unknown): void {
    const started = performance.now()
    this.joined = false
    const batch = this.writing?.batch ?? []
    let failed = this.writing?.failed ?? new Set<LiveDoc>()
    const stored = this.writing?.stored ?? 0
    this.writing = null
    if (!this.persist) this.unstored = []
    if (error !== undefined) {
      // Nothing of this turn is stored; updates the commit did not reach are not stored either.
      failed = new Set([...batch, ...this.unstored].map(({ doc }) => doc))
      this.unstored = []
      if (failed.size) this.deps.log.error('sync: could not commit updates; the drafts are reloaded', { error })
    } else if (batch.length) {
      this.meter.counters.commits++
      this.meter.counters.storedUpdates += stored
    }
    for (const { doc } of batch) if (!failed.has(doc)) this.hooks.stored(doc)
    for (const doc of failed) doc.markFailed()
    if (this.unstored.length) {
      // Updates came in after this commit was written (another part's settle): what waits may
      // relay them, so all of it waits for the next commit.
      this.join()
    } else {
      const outbox = this.outbox
      this.outbox = []
      for (const out of outbox) {
        if (out.doc.failed || out.doc.destroyed) continue
        if (out.to) out.to.send(out.message)
        else out.doc.broadcast(out.message, out.except)
      }
      this.acks.release((conn) => {
        const doc = this.hooks.docOf(conn)
        return doc && !doc.failed && !doc.destroyed ? doc : null
      })
    }
    for (const doc of failed) this.hooks.failed(doc)
    this.meter.measure(started, null, 0)
  }

  private join(): void {
    if (this.joined) return
    this.joined = true
    this.deps.turnCommit.join(this)
  }
}

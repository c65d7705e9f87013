import type { LiveDoc } from './live-doc.ts'
import type { SyncConnection } from './sync-connection.ts'
import type { SyncTimers } from './sync-core-options.ts'

/**
 * Which drafts are loaded and who is connected to them: the sync core's bookkeeping, with the
 * timers of a draft's lifetime (unloading an idle draft, compacting one whose log grew). What
 * unloading and compacting do is the core's; this only says when.
 */
export class DocRegistry {
  private readonly docs = new Map<string, LiveDoc>()
  private readonly byPerson = new Map<string, Set<SyncConnection>>()
  private readonly idleTimers = new Map<LiveDoc, unknown>()
  private readonly compactionsDue = new Set<LiveDoc>()

  constructor(
    private readonly timers: SyncTimers,
    private readonly unloadAfterMs: number,
    private readonly when: { idle(doc: LiveDoc): void; compactionDue(doc: LiveDoc): void },
  ) {}

  get(positionId: string): LiveDoc | undefined {
    return this.docs.get(positionId)
  }

  /** Whether `doc` is still the loaded draft of its position (not unloaded or dropped meanwhile). */
  holds(doc: LiveDoc): boolean {
    return this.docs.get(doc.positionId) === doc
  }

  add(doc: LiveDoc): void {
    this.docs.set(doc.positionId, doc)
  }

  /** Forgets a draft (unloaded or dropped) and its timers. */
  remove(doc: LiveDoc): void {
    this.cancelIdle(doc)
    this.compactionsDue.delete(doc)
    if (this.holds(doc)) this.docs.delete(doc.positionId)
  }

  loaded(): LiveDoc[] {
    return [...this.docs.values()]
  }

  get size(): number {
    return this.docs.size
  }

  /** A connection joins its draft: the draft is no longer idle. */
  connect(doc: LiveDoc, conn: SyncConnection): void {
    this.cancelIdle(doc)
    doc.attach(conn)
    let mine = this.byPerson.get(conn.person.id)
    if (!mine) this.byPerson.set(conn.person.id, (mine = new Set()))
    mine.add(conn)
  }

  /**
   * A connection leaves. Returns the awareness message for the others (null: nothing to tell;
   * false: it was not connected to a loaded draft). A draft left without connections is
   * unloaded after `unloadAfterMs` unless someone comes back.
   */
  disconnect(conn: SyncConnection, startIdle: boolean): Uint8Array | null | false {
    const mine = this.byPerson.get(conn.person.id)
    mine?.delete(conn)
    if (mine?.size === 0) this.byPerson.delete(conn.person.id)
    const doc = this.docs.get(conn.positionId)
    const removal = doc ? doc.detach(conn) : false
    if (doc && removal !== false && doc.connectionCount === 0 && startIdle) {
      this.idleTimers.set(
        doc,
        this.timers.setTimeout(() => {
          this.idleTimers.delete(doc)
          if (doc.connectionCount === 0 && this.holds(doc)) this.when.idle(doc)
        }, this.unloadAfterMs),
      )
    }
    return removal
  }

  /** Compacts later, not inside the commit: the relay is not delayed by the snapshot. */
  scheduleCompaction(doc: LiveDoc): void {
    if (this.compactionsDue.has(doc)) return
    this.compactionsDue.add(doc)
    this.timers.setTimeout(() => {
      if (!this.compactionsDue.delete(doc)) return
      if (this.holds(doc)) this.when.compactionDue(doc)
    }, 0)
  }

  connectionsOf(personId: string): SyncConnection[] {
    return [...(this.byPerson.get(personId) ?? [])]
  }

  *connections(): Generator<SyncConnection> {
    for (const mine of this.byPerson.values()) yield* mine
  }

  connectionCount(personId: string): number {
    return this.byPerson.get(personId)?.size ?? 0
  }

  private cancelIdle(doc: LiveDoc): void {
    const timer = this.idleTimers.get(doc)
    if (timer === undefined) return
    this.timers.clearTimeout(timer)
    this.idleTimers.delete(doc)
  }
}

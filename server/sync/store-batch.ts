import { preparedTransaction } from '../../db/query.ts'
import type { Deps } from '../deps.ts'
import type { LiveDoc } from './live-doc.ts'

export interface StoreResult {
  /** Drafts whose memory state got ahead of the database: the caller drops them. */
  failed: Set<LiveDoc>
  stored: number
  committed: boolean
}

export type Batch = Array<{ doc: LiveDoc; update: Uint8Array }>

/**
 * Builds the store for one event-loop turn's updates (of any drafts): one SQLite transaction,
 * one commit (one fsync under synchronous=FULL), however many updates. The transaction functions
 * are built once here, not per turn: this runs on every keystroke.
 */
export function createBatchStore(deps: Deps): (batch: Batch) => StoreResult {
  // A savepoint per update, only when the turn touched several drafts: one draft that cannot
  // be stored (say, deleted) then spares the others. With one draft, its failure fails the turn.
  const storeOne = preparedTransaction(deps.db, (doc: LiveDoc, update: Uint8Array, now: number) => doc.store(update, now))
  const storeAll = preparedTransaction(deps.db, (batch: Batch, now: number, failed: Set<LiveDoc>, isolate: boolean): number => {
    let stored = 0
    for (const { doc, update } of batch) {
      if (doc.destroyed || failed.has(doc)) continue
      if (!isolate) {
        doc.store(update, now)
        stored++
        continue
      }
      try {
        storeOne(doc, update, now)
        stored++
      } catch (error) {
        // Some errors (a full disk, I/O) make SQLite roll back the whole transaction: then
        // nothing of this turn is stored, and every draft of it must be reloaded.
        if (!deps.db.sqlite.inTransaction) throw error
        failed.add(doc)
        deps.log.error('sync: could not store an update; the draft is reloaded', { positionId: doc.positionId, error })
      }
    }
    return stored
  })

  return (batch) => {
    const failed = new Set<LiveDoc>()
    const first = batch[0]?.doc
    const isolate = batch.some(({ doc }) => doc !== first)
    try {
      const stored = storeAll(batch, deps.now(), failed, isolate)
      return { failed, stored, committed: true }
    } catch (error) {
      for (const { doc } of batch) failed.add(doc)
      deps.log.error('sync: could not commit updates; the drafts are reloaded', { error })
      return { failed, stored: 0, committed: false }
    }
  }
}

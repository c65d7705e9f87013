import { transaction } from '../../db/query.ts'
import type { Deps } from '../deps.ts'
import type { LiveDoc } from './live-doc.ts'

export interface StoreResult {
  /** Drafts whose memory state got ahead of the database: the caller drops them. */
  failed: Set<LiveDoc>
  stored: number
  committed: boolean
}

/**
 * Appends one event-loop turn's updates (of any drafts) to the log in one SQLite transaction:
 * one commit, one fsync under synchronous=FULL, however many updates.
 */
export function storeBatch(deps: Deps, batch: Array<{ doc: LiveDoc; update: Uint8Array }>): StoreResult {
  const failed = new Set<LiveDoc>()
  const now = deps.now()
  let stored = 0
  try {
    transaction(deps.db, () => {
      for (const { doc, update } of batch) {
        if (doc.destroyed || failed.has(doc)) continue
        try {
          // a savepoint each: one draft that cannot be stored (say, deleted) spares the others
          transaction(deps.db, () => doc.store(update, now))
          stored++
        } catch (error) {
          failed.add(doc)
          deps.log.error('sync: could not store an update; the draft is reloaded', { positionId: doc.positionId, error })
        }
      }
    })
  } catch (error) {
    for (const { doc } of batch) failed.add(doc)
    deps.log.error('sync: could not commit updates; the drafts are reloaded', { error })
    return { failed, stored: 0, committed: false }
  }
  return { failed, stored, committed: true }
}

import * as Y from 'yjs'
import type { Db } from '../../db/connection.ts'
import { loadUpdates } from './doc.repo.ts'

// The Y.XmlFragment that TipTap's Collaboration extension writes the draft into: one name for
// the editor and the server, kept in shared/.
export { DRAFT_FRAGMENT } from '../../shared/editor/draft-fragment.ts'

/**
 * Updates applied per Yjs transaction while loading. One transaction per update would run the
 * observers and cleanup 100,000 times for a long log; one transaction for the whole log makes
 * Yjs's end-of-transaction struct merging superlinear; chunks of this size load a long log
 * fastest (docs/BENCHMARKS.md, "Figures behind the code").
 */
const UPDATES_PER_TRANSACTION = 1000

/** A draft's stored log: its updates in order, and the id of the last one (0 when empty). */
export function readStoredLog(db: Db, positionId: string): { updates: Uint8Array[]; lastId: number } {
  const rows = loadUpdates(db, positionId)
  return { updates: rows.map((r) => r.data), lastId: rows.length ? rows[rows.length - 1]!.id : 0 }
}

/**
 * Builds a Y.Doc from stored updates, applied in transactions of UPDATES_PER_TRANSACTION.
 * Nothing observes the doc while it loads, so chunking changes no behaviour, only time.
 * Only V1 decoding is used: stored bytes were validated as V1.
 */
export function buildDoc(rows: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  for (let start = 0; start < rows.length; start += UPDATES_PER_TRANSACTION) {
    const end = Math.min(start + UPDATES_PER_TRANSACTION, rows.length)
    Y.transact(doc, () => {
      for (let i = start; i < end; i++) Y.applyUpdate(doc, rows[i]!)
    })
  }
  return doc
}

/** Builds the draft's Y.Doc from its stored log. */
export function loadDocFromDb(db: Db, positionId: string): { doc: Y.Doc; lastId: number; count: number } {
  const { updates, lastId } = readStoredLog(db, positionId)
  return { doc: buildDoc(updates), lastId, count: updates.length }
}

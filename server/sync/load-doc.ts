import * as Y from 'yjs'
import type { Db } from '../../db/connection.ts'
import { loadUpdates } from './doc.repo.ts'

/** Name of the Y.XmlFragment that TipTap's Collaboration extension writes the draft into. */
export const DRAFT_FRAGMENT = 'content'

/**
 * Builds a Y.Doc from the stored log, applied inside one Yjs transaction (one observer pass
 * instead of one per update). Only V1 decoding is used: stored bytes were validated as V1.
 */
export function loadDocFromDb(db: Db, positionId: string): { doc: Y.Doc; lastId: number; count: number } {
  const rows = loadUpdates(db, positionId)
  const doc = new Y.Doc({ gc: true })
  Y.transact(doc, () => {
    for (const row of rows) Y.applyUpdate(doc, row.data)
  })
  return { doc, lastId: rows.length ? rows[rows.length - 1]!.id : 0, count: rows.length }
}

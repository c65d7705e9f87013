import type { VersionRow } from '../../db/schema/index.ts'
import type { Deps } from '../deps.ts'
import { frozenText, versionHash, type FrozenText } from '../render/render-tasks.tsx'
import { logMark } from '../sync/doc.repo.ts'
import { readStoredLog } from '../sync/load-doc.ts'
import { recordInVersion } from '../amendments/amendment.repo.ts'
import { insertVersion, latestVersionNumber } from './version.repo.ts'

export { versionHash }

/** The draft's text rendered ahead of the freezing transaction, with the state of the log it was read from. */
export interface PreparedFreeze {
  lastId: number
  count: number
  text: FrozenText
}

/** Renders tried before the transaction, when the log keeps changing while one runs. */
const ATTEMPTS = 3

/**
 * Renders the stored draft as a version's text, off the event loop (a large draft takes a
 * noticeable time). Pending edits are stored first, as before any freeze; if the log changed
 * while the render ran, it is rendered again. The transaction then uses the render only if the
 * log is still exactly the one rendered (`freezeDraft`).
 */
export async function prepareFreeze(deps: Pick<Deps, 'db' | 'events' | 'renders'>, positionId: string): Promise<PreparedFreeze> {
  let prepared: PreparedFreeze | null = null
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    deps.events.emit('draft-freeze', { positionId })
    if (prepared && isCurrent(deps, positionId, prepared)) return prepared
    const { updates, lastId } = readStoredLog(deps.db, positionId)
    prepared = { lastId, count: updates.length, text: await deps.renders.freeze(updates) }
  }
  deps.events.emit('draft-freeze', { positionId })
  return prepared!
}

function isCurrent(deps: Pick<Deps, 'db'>, positionId: string, prepared: PreparedFreeze): boolean {
  const mark = logMark(deps.db, positionId)
  return mark.lastId === prepared.lastId && mark.count === prepared.count
}

/**
 * Freezes the stored draft into the next version. Must run inside the caller's transaction: the
 * number (max + 1) and the text are read and written in one step, so two freezes never get the
 * same number and the text is exactly what was stored when the round opened. A prepared render
 * is used when it shows exactly the stored log; otherwise (someone typed since) the draft is
 * rendered here, on the spot.
 */
export function freezeDraft(deps: Pick<Deps, 'db' | 'now'>, positionId: string, personId: string, prepared: PreparedFreeze | null): VersionRow {
  const text = prepared && isCurrent(deps, positionId, prepared) ? prepared.text : frozenText(readStoredLog(deps.db, positionId).updates)
  const row: VersionRow = {
    position_id: positionId,
    number: latestVersionNumber(deps.db, positionId) + 1,
    content: text.content,
    html: text.html,
    hash: text.hash,
    created_by: personId,
    created_at: deps.now(),
  }
  insertVersion(deps.db, row)
  recordInVersion(deps.db, positionId, row.number)
  return row
}

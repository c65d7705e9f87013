import type { PositionRow } from '../../db/schema/index.ts'
import type { Deps } from '../deps.ts'
import type { DraftRender } from '../render/render-tasks.tsx'
import { logMark } from '../sync/doc.repo.ts'
import { readStoredLog } from '../sync/load-doc.ts'

/**
 * The live draft as it is now. Read from the database, not from the sync server's memory: every
 * update is stored before it is relayed, so the stored log is never behind what anyone sees.
 * The render is kept for as long as the log does not change.
 */
export function readDraft(deps: Pick<Deps, 'db' | 'renders'>, position: PositionRow): Promise<DraftRender> {
  return deps.renders.draft(position.id, logMark(deps.db, position.id), () => readStoredLog(deps.db, position.id).updates)
}

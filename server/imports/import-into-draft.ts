import { transaction } from '../../db/query.ts'
import type { PositionRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from '../positions/position.repo.ts'
import { appendUpdate } from '../sync/doc.repo.ts'
import { prepareDraftUpdate } from './content-update.ts'
import { fileToContent, type UploadedFile } from './file-to-content.ts'
import type { Dropped } from './html-cleanup.ts'

/**
 * Fills an empty live draft from a file. Everything after reading the file runs in one
 * synchronous step: the sync core first stores what editors sent (the same event a freeze
 * uses), the stored draft is checked for emptiness, and the text goes in as one Yjs update,
 * through the sync core when the draft is open (so every open editor receives it at once),
 * else straight into the stored log.
 */
export async function importIntoDraft(deps: Deps, actor: Actor, positionId: string, file: UploadedFile): Promise<{ position: PositionRow; dropped: Dropped[] }> {
  const before = getPosition(deps.db, positionId) ?? fail('not_found')
  if (!can(actor, { type: 'position.edit', groupId: before.group_id })) fail('forbidden')
  const imported = await fileToContent(file)
  const position = getPosition(deps.db, positionId) ?? fail('not_found')
  if (position.status !== 'drafting' || position.draft_readonly === 1) fail('invalid_state')
  deps.events.emit('draft-freeze', { positionId })
  const { empty, update } = prepareDraftUpdate(deps.db, positionId, imported.content)
  if (!empty) fail('draft_not_empty')
  if (update.byteLength > deps.config.maxDraftBytes) fail('import_too_large')
  let taken = false
  deps.events.emit('draft-write', { positionId, update, taken: () => (taken = true) })
  transaction(deps.db, () => {
    if (!taken) appendUpdate(deps.db, positionId, update)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'draft.import',
      objectType: 'position',
      objectId: positionId,
      data: { format: imported.format, fileName: file.name.slice(0, 200), dropped: imported.dropped },
    })
  })
  return { position, dropped: imported.dropped }
}

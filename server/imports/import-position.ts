import { transaction } from '../../db/query.ts'
import type { PositionRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as groupRepo from '../groups/group.repo.ts'
import { createPosition } from '../positions/create-position.ts'
import { TITLE_MAX } from '../positions/position-title.ts'
import { appendUpdate } from '../sync/doc.repo.ts'
import { prepareDraftUpdate } from './content-update.ts'
import { fileToContent, type UploadedFile } from './file-to-content.ts'
import type { Dropped } from './html-cleanup.ts'

export interface ImportPositionInput {
  groupId: string
  /** When left out: the document's own title, else the file name. */
  title?: string | undefined
  file: UploadedFile
}

export interface ImportResult {
  position: PositionRow
  dropped: Dropped[]
}

function titleFrom(file: UploadedFile, own: string | null): string {
  const fallback = file.name.replace(/\.[^.]*$/, '').replace(/[_-]+/g, ' ')
  const title = (own ?? fallback).replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX).trim()
  return title || 'Import'
}

/**
 * Starts a position from a Word, Markdown or text file: the text becomes its first draft.
 * The file is read before anything is written; the position, its draft and the audit event
 * are one transaction.
 */
export async function importPosition(deps: Deps, actor: Actor, input: ImportPositionInput): Promise<ImportResult> {
  const group = groupRepo.getGroup(deps.db, input.groupId) ?? fail('not_found', undefined, 'groupId')
  if (!can(actor, { type: 'position.create', groupId: group.id })) fail('forbidden')
  const imported = await fileToContent(input.file)
  const title = input.title ?? titleFrom(input.file, imported.title)
  return transaction(deps.db, () => {
    const position = createPosition(deps, actor, { groupId: group.id, title })
    const { update } = prepareDraftUpdate(deps.db, position.id, imported.content)
    if (update.byteLength > deps.config.maxDraftBytes) fail('import_too_large')
    appendUpdate(deps.db, position.id, update)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'position.import',
      objectType: 'position',
      objectId: position.id,
      data: { format: imported.format, fileName: input.file.name.slice(0, 200), dropped: imported.dropped },
    })
    return { position, dropped: imported.dropped }
  })
}

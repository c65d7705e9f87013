import { transaction } from '../../db/query.ts'
import type { CommentRow } from '../../db/schema/index.ts'
import { editorSchema } from '../../shared/editor/extensions.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as positionRepo from '../positions/position.repo.ts'
import { loadDocFromDb } from '../sync/load-doc.ts'
import * as versionRepo from '../versions/version.repo.ts'
import { announce, recordMentions } from './comment-access.ts'
import * as commentRepo from './comment.repo.ts'
import { anchorInDraft, draftView, quoteOf } from './draft-anchor.ts'
import { newCommentRow } from './new-comment.ts'

export type AnchorInput = { from: number; to: number } | { versionNumber: number; from: number; to: number }

export interface CreateCommentInput {
  body: string
  anchor: AnchorInput
  /** A thread started from the ballot form carries the reason of this answer. */
  ballotChoice?: 'objection' | 'concern'
  /** A thread started by proposing an amendment: its discussion (the body is the amendment's reason). */
  amendmentId?: string
}

/**
 * Starts a thread on a passage: of the live draft while it is being written (stored as Yjs
 * relative positions, so it moves with the text), or of a frozen version (a fixed range).
 */
export function createComment(deps: Deps, actor: Actor, positionId: string, input: CreateCommentInput): CommentRow {
  const row = writeThread(deps, actor, positionId, input)
  announce(deps, row.position_id)
  return row
}

/**
 * Writes a new thread with its mentions and audit event (in a savepoint when the caller holds a
 * transaction, as a ballot does) and tells nobody: the caller announces after its commit.
 */
export function writeThread(deps: Deps, actor: Actor, positionId: string, input: CreateCommentInput): CommentRow {
  const position = positionRepo.getPosition(deps.db, positionId) ?? fail('not_found')
  if (!can(actor, { type: 'comment.write', groupId: position.group_id })) fail('forbidden')
  const at = deps.now()
  const row: CommentRow = { ...newCommentRow({ positionId: position.id, threadId: null, authorId: actor.id, body: input.body, at }), ballot_choice: input.ballotChoice ?? null, amendment_id: input.amendmentId ?? null }
  if ('versionNumber' in input.anchor) {
    const { versionNumber, from, to } = input.anchor
    const version = versionRepo.getVersion(deps.db, position.id, versionNumber) ?? fail('not_found', undefined, 'anchor')
    const doc = editorSchema().nodeFromJSON(JSON.parse(version.content))
    if (from < 0 || to > doc.content.size || from >= to) fail('validation', undefined, 'anchor')
    const quote = quoteOf(doc, from, to)
    if (quote.trim() === '') fail('validation', undefined, 'anchor')
    Object.assign(row, { anchor_kind: 'version', version_number: versionNumber, version_from: from, version_to: to, quote })
  } else {
    // The draft can only be commented on while it is the text being written; during a round
    // comments go on the frozen version.
    if (position.status !== 'drafting' || position.draft_readonly === 1) fail('invalid_state', undefined, 'anchor')
    const { doc } = loadDocFromDb(deps.db, position.id)
    try {
      const anchor = anchorInDraft(draftView(doc), input.anchor.from, input.anchor.to)
      Object.assign(row, { anchor_kind: 'draft', anchor_from: anchor.from, anchor_to: anchor.to, quote: anchor.quote })
    } finally {
      doc.destroy()
    }
  }
  transaction(deps.db, () => {
    commentRepo.insertComment(deps.db, row)
    const mentioned = recordMentions(deps, row.id, row.body, at)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'comment.create',
      objectType: 'comment',
      objectId: row.id,
      data: { positionId: position.id, anchor: row.anchor_kind, versionNumber: row.version_number, mentioned, ...(row.ballot_choice ? { ballotChoice: row.ballot_choice } : {}), ...(row.amendment_id ? { amendmentId: row.amendment_id } : {}) },
    })
  })
  return row
}

import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { announce, loadComment } from './comment-access.ts'
import * as commentRepo from './comment.repo.ts'

/**
 * Deletes one's own comment: its text goes out of view (kept in the record), the comment stays
 * in its thread as "gelöscht", so the replies around it still make sense.
 */
export function deleteComment(deps: Deps, actor: Actor, commentId: string): { id: string } {
  const { comment, position } = loadComment(deps, commentId)
  if (!can(actor, { type: 'comment.edit', authorId: comment.author_id })) fail('forbidden')
  // The start of an amendment's discussion is the amendment's reason: part of the proposal's record.
  if (comment.amendment_id !== null) fail('invalid_state', { key: 'comments.error.amendment_reason' })
  if (comment.deleted_at !== null) return { id: comment.id }
  transaction(deps.db, () => {
    commentRepo.replaceBody(deps.db, comment.id, comment.body, '', actor.id, deps.now(), true)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'comment.delete',
      objectType: 'comment',
      objectId: comment.id,
      data: { positionId: position.id },
    })
  })
  announce(deps, position.id)
  return { id: comment.id }
}

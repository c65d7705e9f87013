import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { announce, loadComment, recordMentions } from './comment-access.ts'
import * as commentRepo from './comment.repo.ts'

/** Changes the text of one's own comment; the earlier text stays in the record (comment_edits). */
export function editComment(deps: Deps, actor: Actor, commentId: string, body: string): { id: string } {
  const { comment, position } = loadComment(deps, commentId)
  if (!can(actor, { type: 'comment.edit', authorId: comment.author_id })) fail('forbidden')
  // The start of an amendment's discussion is the amendment's reason: part of the proposal's record.
  if (comment.amendment_id !== null) fail('invalid_state', { key: 'comments.error.amendment_reason' })
  if (comment.deleted_at !== null) fail('invalid_state')
  if (comment.body === body) return { id: comment.id }
  transaction(deps.db, () => {
    const at = deps.now()
    commentRepo.replaceBody(deps.db, comment.id, comment.body, body, actor.id, at, false)
    const mentioned = recordMentions(deps, comment.id, body, at)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'comment.edit',
      objectType: 'comment',
      objectId: comment.id,
      data: { positionId: position.id, mentioned },
    })
  })
  announce(deps, position.id)
  return { id: comment.id }
}

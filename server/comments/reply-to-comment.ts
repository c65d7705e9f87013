import { transaction } from '../../db/query.ts'
import type { CommentRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import type { Deps } from '../deps.ts'
import { announce, loadComment, recordMentions, threadOf } from './comment-access.ts'
import * as commentRepo from './comment.repo.ts'
import { newCommentRow } from './new-comment.ts'

/** Answers in a thread (a reply to a reply joins the same thread). */
export function replyToComment(deps: Deps, actor: Actor, commentId: string, body: string): CommentRow {
  const { comment, position } = loadComment(deps, commentId)
  if (!can(actor, { type: 'comment.write', groupId: position.group_id })) fail('forbidden')
  const thread = threadOf(deps, comment)
  const at = deps.now()
  const row = newCommentRow({ positionId: position.id, threadId: thread.id, authorId: actor.id, body, at })
  transaction(deps.db, () => {
    commentRepo.insertComment(deps.db, row)
    const mentioned = recordMentions(deps, row.id, body, at)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'comment.reply',
      objectType: 'comment',
      objectId: row.id,
      data: { positionId: position.id, threadId: thread.id, mentioned, ...(thread.amendment_id ? { amendmentId: thread.amendment_id } : {}) },
    })
    // An amendment's discussion tells its author, its supporters and who wrote in it.
    if (thread.amendment_id !== null) queueNotification(deps, 'amendment_reply', { commentId: row.id })
  })
  announce(deps, position.id)
  return row
}

import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { announce, loadComment, threadOf } from './comment-access.ts'
import * as commentRepo from './comment.repo.ts'

/**
 * Resolves (`resolved: true`) or reopens a thread. The coordination may do it for any thread,
 * everyone else for the threads they started. Doing what is already done changes nothing.
 */
export function setThreadResolved(deps: Deps, actor: Actor, commentId: string, resolved: boolean): { threadId: string } {
  const { comment, position } = loadComment(deps, commentId)
  const thread = threadOf(deps, comment)
  if (!can(actor, { type: 'comment.resolve', groupId: position.group_id, authorId: thread.author_id })) fail('forbidden')
  if ((thread.resolved_at !== null) === resolved) return { threadId: thread.id }
  transaction(deps.db, () => {
    commentRepo.setResolved(deps.db, thread.id, resolved ? { at: deps.now(), by: actor.id } : null)
    recordAudit(deps, {
      actorId: actor.id,
      action: resolved ? 'comment.resolve' : 'comment.reopen',
      objectType: 'comment',
      objectId: thread.id,
      data: { positionId: position.id },
    })
  })
  announce(deps, position.id)
  return { threadId: thread.id }
}

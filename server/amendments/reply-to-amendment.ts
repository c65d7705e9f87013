import type { CommentRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import type { Actor } from '../../shared/policy.ts'
import { replyToComment } from '../comments/reply-to-comment.ts'
import type { Deps } from '../deps.ts'
import * as threadRepo from './amendment-thread.repo.ts'

/**
 * Answers in an amendment's discussion: a reply in its comment thread, with everything a reply
 * has (mentions, audit, the live event, the notification of the amendment's people).
 */
export function replyToAmendment(deps: Deps, actor: Actor, amendmentId: string, body: string): CommentRow {
  const thread = threadRepo.threadOfAmendment(deps.db, amendmentId) ?? fail('not_found')
  return replyToComment(deps, actor, thread.id, body)
}

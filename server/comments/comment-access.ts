import type { PositionRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { findMentions } from '../../shared/comments/mentions.ts'
import type { Deps } from '../deps.ts'
import { queueNotification } from '../notifications/queue-notification.ts'
import * as positionRepo from '../positions/position.repo.ts'
import * as commentRepo from './comment.repo.ts'
import { mentionRecipients } from './mention-audience.ts'
import type { CommentWithAuthor } from './comment.repo.ts'

/** A comment and the position it is on, or not_found. */
export function loadComment(deps: Pick<Deps, 'db'>, commentId: string): { comment: CommentWithAuthor; position: PositionRow } {
  const comment = commentRepo.getComment(deps.db, commentId) ?? fail('not_found')
  const position = positionRepo.getPosition(deps.db, comment.position_id) ?? fail('not_found')
  return { comment, position }
}

/** The thread a comment belongs to (itself, when it starts one). */
export function threadOf(deps: Pick<Deps, 'db'>, comment: CommentWithAuthor): CommentWithAuthor {
  if (comment.thread_id === null) return comment
  return commentRepo.getComment(deps.db, comment.thread_id) ?? fail('not_found')
}

/**
 * Records the people a text mentions and tells those not told yet about this comment (an edit
 * that adds a name tells only the new one). Call it inside the writing transaction: the
 * notifications and mails commit with the comment.
 */
export function recordMentions(deps: Deps, commentId: string, body: string, at: number): string[] {
  const ids = findMentions(body, commentRepo.mentionablePeople(deps.db))
  commentRepo.insertMentions(deps.db, commentId, ids, at)
  const told = mentionRecipients(deps.db, commentId)
  if (told.length) {
    queueNotification(deps, 'mentioned', { commentId })
    commentRepo.markMentionsNotified(deps.db, commentId, told, at)
  }
  return ids
}

/** Tells open pages of the position, after the commit, that its comments changed. */
export function announce(deps: Pick<Deps, 'events'>, positionId: string): void {
  deps.events.emit('comments-changed', { positionId })
}

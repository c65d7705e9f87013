import type { PositionRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { findMentions } from '../../shared/comments/mentions.ts'
import type { Deps } from '../deps.ts'
import * as positionRepo from '../positions/position.repo.ts'
import * as commentRepo from './comment.repo.ts'
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

/** Records the people a text mentions (inside the writing transaction), for the notification feature. */
export function recordMentions(deps: Pick<Deps, 'db'>, commentId: string, body: string, at: number): string[] {
  const ids = findMentions(body, commentRepo.mentionablePeople(deps.db))
  commentRepo.insertMentions(deps.db, commentId, ids, at)
  return ids
}

/** Tells open pages of the position, after the commit, that its comments changed. */
export function announce(deps: Pick<Deps, 'events'>, positionId: string): void {
  deps.events.emit('comments-changed', { positionId })
}

import type { CommentRow } from '../../db/schema/index.ts'
import { newId } from '../../db/ids.ts'

/** A new comment or reply as stored: no anchor yet (a thread's start sets it), not resolved, not edited. */
export function newCommentRow(fields: { positionId: string; threadId: string | null; authorId: string; body: string; at: number }): CommentRow {
  return {
    id: newId(),
    position_id: fields.positionId,
    thread_id: fields.threadId,
    author_id: fields.authorId,
    body: fields.body,
    anchor_kind: null,
    anchor_from: null,
    anchor_to: null,
    version_number: null,
    version_from: null,
    version_to: null,
    quote: '',
    resolved_at: null,
    resolved_by: null,
    created_at: fields.at,
    edited_at: null,
    deleted_at: null,
    ballot_choice: null,
    amendment_id: null,
  }
}

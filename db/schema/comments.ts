import type { Generated, Selectable } from 'kysely'

/** A comment thread's first comment (anchored) or a reply (`thread_id` set, no anchor). */
export interface CommentsTable {
  id: string
  position_id: string
  thread_id: string | null
  author_id: string | null
  /** Plain text; '' once deleted (the text is kept in comment_edits). */
  body: string
  anchor_kind: 'draft' | 'version' | null
  /** Encoded Yjs relative positions (Y.encodeRelativePosition) in the draft. */
  anchor_from: Uint8Array | null
  anchor_to: Uint8Array | null
  version_number: number | null
  version_from: number | null
  version_to: number | null
  /** The passage when the comment was written. */
  quote: Generated<string>
  resolved_at: number | null
  resolved_by: string | null
  created_at: number
  edited_at: number | null
  deleted_at: number | null
  /** Set on a thread a voter started from the ballot form: the answer whose reason it carries. */
  ballot_choice: 'objection' | 'concern' | null
  /** Set on the thread that discusses an amendment (its first comment is the amendment's reason). */
  amendment_id: string | null
}
export type CommentRow = Selectable<CommentsTable>

export interface CommentEditsTable {
  id: Generated<number>
  comment_id: string
  /** The text as it was before the edit or deletion. */
  body: string
  replaced_at: number
  replaced_by: string | null
}
export type CommentEditRow = Selectable<CommentEditsTable>

export interface CommentMentionsTable {
  comment_id: string
  person_id: string
  created_at: number
  /** Set by the notification feature once the person was told. */
  notified_at: number | null
}
export type CommentMentionRow = Selectable<CommentMentionsTable>

export interface PartialDB {
  comments: CommentsTable
  comment_edits: CommentEditsTable
  comment_mentions: CommentMentionsTable
}

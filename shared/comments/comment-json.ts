/** What GET /api/positions/:id/comments answers; the browser renders from it too. */
export interface CommentAuthorJson {
  id: string
  name: string
}

export interface ReplyJson {
  id: string
  /** Empty once deleted. */
  body: string
  deleted: boolean
  author: CommentAuthorJson | null
  createdAt: string
  editedAt: string | null
  canEdit: boolean
}

export type AnchorJson = { from: number; to: number } | { versionNumber: number; from: number; to: number }

export interface CommentJson extends ReplyJson {
  /** The passage as it stands now; when it is gone, as it was when the comment was written. */
  quote: string
  /** Where the passage stands now; null when it is gone (orphaned). */
  anchor: AnchorJson | null
  orphaned: boolean
  resolved: boolean
  resolvedAt: string | null
  resolvedBy: CommentAuthorJson | null
  canResolve: boolean
  replies: ReplyJson[]
  /** Set when a voter started the thread from the ballot form: the answer whose reason it is. */
  ballotChoice?: 'objection' | 'concern'
  /** Set on the thread that discusses an amendment: it opens with the amendment's reason. */
  amendment?: { id: string; number: number }
}

export interface CommentsJson {
  comments: CommentJson[]
  /** May the reader start a thread or reply here. */
  canWrite: boolean
}

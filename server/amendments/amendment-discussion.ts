import { can, type Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import * as commentRepo from '../comments/comment.repo.ts'
import * as threadRepo from './amendment-thread.repo.ts'

/** An amendment's discussion as the amendments JSON names it: read and answer it through /api/comments. */
export interface AmendmentThreadJson {
  /** The comment thread (its first comment is the reason): POST /api/comments/:id/replies answers it. */
  id: string
  /** How many replies it has (deleted ones not counted). */
  replies: number
  resolved: boolean
}

/** One reply as the amendments page shows it. */
export interface DiscussionReply {
  id: string
  author: string | null
  body: string
  deleted: boolean
  edited: boolean
  createdAt: number
}

export interface AmendmentDiscussion extends AmendmentThreadJson {
  posts: DiscussionReply[]
}

/**
 * The discussions of a position's amendments, by amendment id: each is the comment thread opened
 * with the amendment's proposal (see propose-amendment.ts). Who may read the amendments may read them.
 */
export function discussionsOf(deps: Pick<Deps, 'db'>, positionId: string): Map<string, AmendmentDiscussion> {
  const threads = threadRepo.amendmentThreadsOf(deps.db, positionId)
  const out = new Map<string, AmendmentDiscussion>()
  if (threads.length === 0) return out
  const byThread = new Map(threads.map((t) => [t.id, t]))
  const posts = new Map<string, DiscussionReply[]>()
  for (const row of commentRepo.listComments(deps.db, positionId)) {
    if (row.thread_id === null || !byThread.has(row.thread_id)) continue
    const list = posts.get(row.thread_id) ?? []
    list.push({ id: row.id, author: row.author_name, body: row.deleted_at === null ? row.body : '', deleted: row.deleted_at !== null, edited: row.edited_at !== null, createdAt: row.created_at })
    posts.set(row.thread_id, list)
  }
  for (const t of threads) {
    const list = posts.get(t.id) ?? []
    out.set(t.amendment_id, { id: t.id, replies: list.filter((p) => !p.deleted).length, resolved: t.resolved_at !== null, posts: list })
  }
  return out
}

/** The JSON shape of a discussion (without its posts: those come from GET /api/positions/:id/comments). */
export function threadJson(discussion: AmendmentDiscussion | undefined): AmendmentThreadJson | null {
  return discussion ? { id: discussion.id, replies: discussion.replies, resolved: discussion.resolved } : null
}

/** May the reader answer in the amendments' discussions of a position of this group. */
export function canReply(actor: Actor, groupId: string): boolean {
  return can(actor, { type: 'comment.write', groupId })
}

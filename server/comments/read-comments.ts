import type { PositionRow } from '../../db/schema/index.ts'
import type { CommentJson, CommentsJson, ReplyJson } from '../../shared/comments/comment-json.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from '../people/person.repo.ts'
import * as positionRepo from '../positions/position.repo.ts'
import { loadDocFromDb } from '../sync/load-doc.ts'
import type { CommentWithAuthor } from './comment.repo.ts'
import * as commentRepo from './comment.repo.ts'
import { draftView, quoteOf, resolveInDraft, type DraftView } from './draft-anchor.ts'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/**
 * The comment threads of a position in the order of the text (draft threads, then those on
 * versions by number, then the ones whose passage is gone), each with where its passage stands
 * now in the stored draft. `versionNumber` keeps only the threads on that version.
 */
export function readComments(deps: Pick<Deps, 'db'>, actor: Actor, positionId: string, options: { versionNumber?: number } = {}): CommentsJson {
  if (!can(actor, { type: 'comment.read' })) fail('forbidden')
  const position: PositionRow = positionRepo.getPosition(deps.db, positionId) ?? fail('not_found')
  const rows = commentRepo.listComments(deps.db, position.id)
  let threads = rows.filter((r) => r.thread_id === null)
  if (options.versionNumber !== undefined) threads = threads.filter((t) => t.version_number === options.versionNumber)
  const amendmentNumbers = threads.some((t) => t.amendment_id !== null) ? commentRepo.amendmentNumbers(deps.db, position.id) : new Map<string, number>()
  const replies = new Map<string, CommentWithAuthor[]>()
  for (const row of rows) if (row.thread_id !== null) replies.set(row.thread_id, [...(replies.get(row.thread_id) ?? []), row])

  const names = new Map<string, string>()
  const nameOf = (id: string | null) => {
    if (id === null) return null
    if (!names.has(id)) names.set(id, personRepo.getPerson(deps.db, id)?.name ?? '')
    return { id, name: names.get(id)! }
  }
  const present = (row: CommentWithAuthor): ReplyJson => ({
    id: row.id,
    body: row.deleted_at === null ? row.body : '',
    deleted: row.deleted_at !== null,
    author: row.author_id === null ? null : { id: row.author_id, name: row.author_name ?? '' },
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: iso(row.edited_at),
    // An amendment's reason opens its discussion and stays as proposed.
    canEdit: row.deleted_at === null && row.amendment_id === null && can(actor, { type: 'comment.edit', authorId: row.author_id }),
  })

  let view: DraftView | undefined
  let loaded: { destroy(): void } | undefined
  try {
    if (threads.some((t) => t.anchor_kind === 'draft')) {
      const { doc } = loadDocFromDb(deps.db, position.id)
      loaded = doc
      view = draftView(doc)
    }
    const comments: Array<CommentJson & { order: [number, number, number] }> = threads.map((t) => {
      let anchor: CommentJson['anchor'] = null
      let quote = t.quote
      if (t.anchor_kind === 'draft' && view && t.anchor_from && t.anchor_to) {
        const now = resolveInDraft(view, t.anchor_from, t.anchor_to)
        if (now) {
          anchor = now
          quote = quoteOf(view.pmDoc, now.from, now.to)
        }
      } else if (t.anchor_kind === 'version') {
        anchor = { versionNumber: t.version_number!, from: t.version_from!, to: t.version_to! }
      }
      const order: [number, number, number] =
        anchor === null ? [2, 0, t.created_at] : 'versionNumber' in anchor ? [1, anchor.versionNumber, anchor.from] : [0, 0, anchor.from]
      return {
        ...present(t),
        quote,
        anchor,
        orphaned: anchor === null,
        resolved: t.resolved_at !== null,
        resolvedAt: iso(t.resolved_at),
        resolvedBy: nameOf(t.resolved_by),
        canResolve: can(actor, { type: 'comment.resolve', groupId: position.group_id, authorId: t.author_id }),
        replies: (replies.get(t.id) ?? []).map(present),
        ...(t.ballot_choice ? { ballotChoice: t.ballot_choice } : {}),
        ...(t.amendment_id ? { amendment: { id: t.amendment_id, number: amendmentNumbers.get(t.amendment_id) ?? 0 } } : {}),
        order,
      }
    })
    comments.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2])
    return {
      comments: comments.map(({ order: _order, ...c }) => c),
      canWrite: can(actor, { type: 'comment.write', groupId: position.group_id }),
    }
  } finally {
    loaded?.destroy()
  }
}

import type { Db } from '../../db/connection.ts'
import { can } from '../../shared/policy.ts'
import { loadActor } from '../people/load-actor.ts'
import * as personRepo from '../people/person.repo.ts'
import * as positionRepo from '../positions/position.repo.ts'
import * as commentRepo from './comment.repo.ts'

/** What a mention notification says: where the comment is, who wrote it, on which passage. */
export interface MentionFacts {
  url: string
  title: string
  author: string
  quote: string
  text: string
}

const QUOTE_CHARS = 120
const TEXT_CHARS = 300

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}

/**
 * The people a comment mentions who were not told yet and may read it: not its author, not
 * someone who cannot see the position's comments (the policy's comment.read).
 */
export function mentionRecipients(db: Db, commentId: string): string[] {
  const comment = commentRepo.getComment(db, commentId)
  if (!comment || comment.deleted_at !== null) return []
  return commentRepo.unnotifiedMentions(db, commentId).filter((id) => {
    if (id === comment.author_id) return false
    const person = personRepo.getPerson(db, id)
    return person !== undefined && can(loadActor(db, person), { type: 'comment.read' })
  })
}

/**
 * The facts of a mention: the link goes to the comment on the page that shows its thread (the
 * position page for the draft, the round on the version for a frozen text, the amendments page
 * for an amendment's discussion).
 */
export function mentionFacts(db: Db, commentId: string): MentionFacts | undefined {
  const comment = commentRepo.getComment(db, commentId)
  if (!comment) return undefined
  const thread = comment.thread_id === null ? comment : commentRepo.getComment(db, comment.thread_id)
  const position = positionRepo.getPosition(db, comment.position_id)
  if (!thread || !position) return undefined
  const roundId = thread.anchor_kind === 'version' && thread.version_number !== null ? commentRepo.latestRoundOnVersion(db, position.id, thread.version_number) : undefined
  // An amendment's discussion is read on the amendments page.
  const page = thread.amendment_id !== null ? `/positions/${position.id}/amendments` : roundId ? `/rounds/${roundId}` : `/positions/${position.id}`
  return {
    url: `${page}#comment-${comment.id}`,
    title: position.title,
    author: comment.author_name ?? '',
    quote: excerpt(thread.quote, QUOTE_CHARS),
    text: excerpt(comment.body, TEXT_CHARS),
  }
}

import type { Db } from '../../db/connection.ts'
import * as commentRepo from '../comments/comment.repo.ts'
import { getPosition } from '../positions/position.repo.ts'
import * as amendmentRepo from './amendment.repo.ts'
import * as threadRepo from './amendment-thread.repo.ts'
import { groupCoordinators } from '../notifications/audience.repo.ts'

/** What a notification about an amendment says: where it is, who wrote, on which passage, what. */
export interface AmendmentFacts {
  url: string
  title: string
  amendmentNumber: number
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

/** The page of a position's amendments, at one of them or one comment of a discussion. */
export const amendmentsUrl = (positionId: string, fragment: string) => `/positions/${positionId}/amendments#${fragment}`

/**
 * A new amendment, told to the coordination of the position's group (who decide it), except
 * its author. The text is the reason.
 */
export function proposedNotice(db: Db, amendmentId: string): { facts: AmendmentFacts; recipients: string[] } | undefined {
  const amendment = amendmentRepo.getAmendment(db, amendmentId)
  const about = amendment && getPosition(db, amendment.position_id)
  if (!amendment || !about) return undefined
  return {
    facts: {
      url: amendmentsUrl(amendment.position_id, `a-${amendment.number}`),
      title: about.title,
      amendmentNumber: amendment.number,
      author: amendment.author_name ?? '',
      quote: excerpt(amendment.quote, QUOTE_CHARS),
      text: excerpt(amendment.reason, TEXT_CHARS),
    },
    recipients: groupCoordinators(db, about.group_id).filter((id) => id !== amendment.author_id),
  }
}

/**
 * A reply in an amendment's discussion, told to the amendment's author, the people who put their
 * initiative's support under it and everyone who wrote in the thread; not to the reply's author,
 * and not to those the reply mentions (the mention tells them).
 */
export function replyNotice(db: Db, commentId: string): { facts: AmendmentFacts; recipients: string[] } | undefined {
  const reply = commentRepo.getComment(db, commentId)
  if (!reply || reply.thread_id === null || reply.deleted_at !== null) return undefined
  const amendment = threadRepo.amendmentOfThread(db, reply.thread_id)
  if (!amendment) return undefined
  const mentioned = new Set(threadRepo.mentionedIn(db, commentId))
  const concerned = [amendment.author_id, ...threadRepo.supportingPeople(db, amendment.id), ...threadRepo.threadWriters(db, reply.thread_id)]
  const recipients = [...new Set(concerned)].filter((id): id is string => id !== null && id !== reply.author_id && !mentioned.has(id))
  return {
    facts: {
      url: amendmentsUrl(amendment.position_id, `comment-${reply.id}`),
      title: amendment.title,
      amendmentNumber: amendment.number,
      author: reply.author_name ?? '',
      quote: excerpt(amendment.quote, QUOTE_CHARS),
      text: excerpt(reply.body, TEXT_CHARS),
    },
    recipients,
  }
}

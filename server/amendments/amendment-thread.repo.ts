import type { Db } from '../../db/connection.ts'
import { all, first } from '../../db/query.ts'

/** The comment thread that discusses an amendment (its first comment, the reason). */
export function threadOfAmendment(db: Db, amendmentId: string): { id: string; position_id: string; resolved_at: number | null } | undefined {
  return first(db, db.q.selectFrom('comments').select(['id', 'position_id', 'resolved_at']).where('amendment_id', '=', amendmentId).where('thread_id', 'is', null))
}

/** The threads of a position's amendments, by amendment. */
export function amendmentThreadsOf(db: Db, positionId: string): Array<{ id: string; amendment_id: string; resolved_at: number | null }> {
  return all(
    db,
    db.q
      .selectFrom('comments')
      .select(['id', 'amendment_id as amendment_id', 'resolved_at'])
      .where('position_id', '=', positionId)
      .where('thread_id', 'is', null)
      .where('amendment_id', 'is not', null)
      .$narrowType<{ amendment_id: string }>(),
  )
}

/** The amendment a thread discusses, with what a notification about it says. */
export function amendmentOfThread(
  db: Db,
  threadId: string,
): { id: string; number: number; quote: string; author_id: string | null; position_id: string; title: string; group_id: string } | undefined {
  return first(
    db,
    db.q
      .selectFrom('comments as c')
      .innerJoin('amendments as a', 'a.id', 'c.amendment_id')
      .innerJoin('positions as p', 'p.id', 'a.position_id')
      .select(['a.id', 'a.number', 'a.quote', 'a.author_id', 'a.position_id', 'p.title', 'p.group_id'])
      .where('c.id', '=', threadId),
  )
}

/** The people who put their initiative's support under an amendment. */
export function supportingPeople(db: Db, amendmentId: string): string[] {
  return all(db, db.q.selectFrom('amendment_supports').select('person_id').where('amendment_id', '=', amendmentId).where('person_id', 'is not', null))
    .map((r) => r.person_id)
    .filter((id): id is string => id !== null)
}

/** Everybody who wrote in a thread (its first comment and the replies), deleted ones included. */
export function threadWriters(db: Db, threadId: string): string[] {
  return all(
    db,
    db.q
      .selectFrom('comments')
      .select('author_id')
      .distinct()
      .where((eb) => eb.or([eb('id', '=', threadId), eb('thread_id', '=', threadId)]))
      .where('author_id', 'is not', null),
  )
    .map((r) => r.author_id)
    .filter((id): id is string => id !== null)
}

/** The people a comment mentions (they are told by the mention, not twice). */
export function mentionedIn(db: Db, commentId: string): string[] {
  return all(db, db.q.selectFrom('comment_mentions').select('person_id').where('comment_id', '=', commentId)).map((r) => r.person_id)
}

import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { CommentRow } from '../../db/schema/index.ts'

export interface CommentWithAuthor extends CommentRow {
  author_name: string | null
}

function withAuthor(db: Db) {
  return db.q
    .selectFrom('comments')
    .leftJoin('people', 'people.id', 'comments.author_id')
    .selectAll('comments')
    .select('people.name as author_name')
}

export function insertComment(db: Db, row: CommentRow): void {
  run(db, db.q.insertInto('comments').values(row))
}

export function getComment(db: Db, id: string): CommentWithAuthor | undefined {
  return first(db, withAuthor(db).where('comments.id', '=', id))
}

/** Every thread and reply of a position, oldest first. */
export function listComments(db: Db, positionId: string): CommentWithAuthor[] {
  return all(db, withAuthor(db).where('comments.position_id', '=', positionId).orderBy('comments.created_at').orderBy('comments.id'))
}

/** Replaces the text, keeping the earlier one in comment_edits. */
export function replaceBody(db: Db, id: string, before: string, body: string, by: string, at: number, deleted: boolean): void {
  run(db, db.q.insertInto('comment_edits').values({ comment_id: id, body: before, replaced_at: at, replaced_by: by }))
  run(
    db,
    db.q
      .updateTable('comments')
      .set(deleted ? { body, deleted_at: at } : { body, edited_at: at })
      .where('id', '=', id),
  )
}

export function setResolved(db: Db, id: string, resolved: { at: number; by: string } | null): void {
  run(
    db,
    db.q
      .updateTable('comments')
      .set({ resolved_at: resolved?.at ?? null, resolved_by: resolved?.by ?? null })
      .where('id', '=', id),
  )
}

/** The earlier texts of a comment, oldest first. */
export function listEdits(db: Db, commentId: string): Array<{ body: string; replaced_at: number; replaced_by: string | null }> {
  return all(db, db.q.selectFrom('comment_edits').select(['body', 'replaced_at', 'replaced_by']).where('comment_id', '=', commentId).orderBy('id'))
}

/** People who can be mentioned: everyone not disabled. */
export function mentionablePeople(db: Db): Array<{ id: string; name: string }> {
  return all(db, db.q.selectFrom('people').select(['id', 'name']).where('disabled', '=', 0))
}

export function insertMentions(db: Db, commentId: string, personIds: readonly string[], at: number): void {
  if (personIds.length === 0) return
  run(
    db,
    db.q
      .insertInto('comment_mentions')
      .values(personIds.map((person_id) => ({ comment_id: commentId, person_id, created_at: at, notified_at: null })))
      .onConflict((oc) => oc.doNothing()),
  )
}

export function mentionsOf(db: Db, commentId: string): Array<{ person_id: string; created_at: number }> {
  return all(db, db.q.selectFrom('comment_mentions').select(['person_id', 'created_at']).where('comment_id', '=', commentId).orderBy('created_at'))
}

/** The people a comment mentions who were not told yet. */
export function unnotifiedMentions(db: Db, commentId: string): string[] {
  return all(db, db.q.selectFrom('comment_mentions').select('person_id').where('comment_id', '=', commentId).where('notified_at', 'is', null).orderBy('created_at')).map((r) => r.person_id)
}

export function markMentionsNotified(db: Db, commentId: string, personIds: readonly string[], at: number): void {
  if (personIds.length === 0) return
  run(db, db.q.updateTable('comment_mentions').set({ notified_at: at }).where('comment_id', '=', commentId).where('person_id', 'in', personIds))
}

/** The latest round held on a version of a position (its page shows the version's threads). */
export function latestRoundOnVersion(db: Db, positionId: string, versionNumber: number): string | undefined {
  return first(
    db,
    db.q.selectFrom('rounds').select('id').where('position_id', '=', positionId).where('version_number', '=', versionNumber).orderBy('opened_at', 'desc').limit(1),
  )?.id
}

/** The numbers (Ä1, Ä2 …) of a position's amendments, for the threads that discuss them. */
export function amendmentNumbers(db: Db, positionId: string): Map<string, number> {
  return new Map(all(db, db.q.selectFrom('amendments').select(['id', 'number']).where('position_id', '=', positionId)).map((r) => [r.id, r.number]))
}

import { sql } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, compiledQuery, first, run } from '../../db/query.ts'
import type { PublicationRow } from '../../db/schema/index.ts'

export function insertPublication(db: Db, row: PublicationRow): void {
  run(db, db.q.insertInto('publications').values(row))
}

export function getPublication(db: Db, positionId: string): PublicationRow | undefined {
  return first(db, db.q.selectFrom('publications').selectAll().where('position_id', '=', positionId))
}

export function getPublicationBySlug(db: Db, slug: string): PublicationRow | undefined {
  return first(db, db.q.selectFrom('publications').selectAll().where('slug', '=', slug))
}

/** What a single public page, its ETag and its cached copy depend on, without reading text or HTML. */
export interface PublicationStamp {
  slug: string
  updated_at: number
  /**
   * Newest change of a co-signing initiative (its name is shown), 0 without co-signers. Renaming
   * an initiative does not touch the publication, so it is a separate part of the basis.
   */
  signers_changed: number
}

const stampBySlug = compiledQuery((q, slug: string) =>
  q
    .selectFrom('publications')
    .select((eb) => [
      'publications.slug',
      'publications.updated_at',
      eb
        .selectFrom('signatures')
        .innerJoin('initiatives', 'initiatives.id', 'signatures.initiative_id')
        .whereRef('signatures.position_id', '=', 'publications.position_id')
        .select((sub) => sub.fn.coalesce(sub.fn.max('initiatives.updated_at'), sql<number>`0`).as('m'))
        .as('signers_changed'),
    ])
    .where('publications.slug', '=', slug),
)

/** The stamp as stored; `deps.caches.publicationStamps` keeps recent ones while nothing is written. */
export function readPublicationStamp(db: Db, slug: string): PublicationStamp | undefined {
  const row = first(db, stampBySlug(db, slug))
  return row && { slug: row.slug, updated_at: row.updated_at, signers_changed: Number(row.signers_changed ?? 0) }
}

export function slugTaken(db: Db, slug: string): boolean {
  return first(db, db.q.selectFrom('publications').select('position_id').where('slug', '=', slug)) !== undefined
}

export interface PublicationFilter {
  /** Words that must all occur (case-insensitively) in title, summary or text. */
  words?: readonly string[]
  groupSlug?: string
  limit?: number
}

/** The columns a list needs (no text, no HTML): newest publication first. */
export type PublicationSummaryRow = Pick<
  PublicationRow,
  'position_id' | 'slug' | 'title' | 'summary' | 'group_name' | 'group_slug' | 'published_at' | 'withdrawn_at' | 'withdraw_reason' | 'updated_at' | 'adopted_at'
>

const SUMMARY_COLUMNS = [
  'position_id',
  'slug',
  'title',
  'summary',
  'group_name',
  'group_slug',
  'published_at',
  'withdrawn_at',
  'withdraw_reason',
  'updated_at',
  'adopted_at',
] as const

export function listPublications(db: Db, filter: PublicationFilter = {}): PublicationSummaryRow[] {
  let query = db.q.selectFrom('publications').select([...SUMMARY_COLUMNS])
  for (const word of filter.words ?? []) {
    // search_text is lower-cased in JS (SQLite's lower() and LIKE only know ASCII: "Ü" ≠ "ü").
    const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
    query = query.where(sql<boolean>`search_text like ${pattern} escape '\\'`)
  }
  if (filter.groupSlug) query = query.where('group_slug', '=', filter.groupSlug)
  query = query.orderBy('published_at', 'desc').orderBy('position_id')
  if (filter.limit) query = query.limit(filter.limit)
  return all(db, query)
}

/** Full rows, newest change first: the feed shows the text and marks withdrawals. */
export function recentlyChangedPublications(db: Db, limit: number): PublicationRow[] {
  return all(db, db.q.selectFrom('publications').selectAll().orderBy('updated_at', 'desc').orderBy('position_id').limit(limit))
}

/** Working groups that have at least one publication, for the filter. */
export function publishedGroups(db: Db): Array<{ group_slug: string; group_name: string }> {
  return all(db, db.q.selectFrom('publications').select(['group_slug', 'group_name']).distinct().orderBy('group_name'))
}

/**
 * What every public list depends on. Publications are never deleted and every visible change
 * moves a row's `updated_at` strictly forward, so the sum of them (kept exact as text) changes
 * with every change; the newest change is the Last-Modified date.
 */
export function publicationsState(db: Db): { lastChange: number; count: number; version: string } {
  const row = first(
    db,
    db.q
      .selectFrom('publications')
      .select((eb) => [
        eb.fn.max('updated_at').as('last'),
        eb.fn.countAll<number>().as('n'),
        sql<string>`cast(coalesce(sum(updated_at), 0) as text)`.as('version'),
      ]),
  )
  return { lastChange: Number(row?.last ?? 0), count: Number(row?.n ?? 0), version: row?.version ?? '0' }
}

export function markWithdrawn(db: Db, positionId: string, input: { at: number; by: string; reason: string }): number {
  return run(
    db,
    db.q
      .updateTable('publications')
      .set({
        withdrawn_at: input.at,
        withdrawn_by: input.by,
        withdraw_reason: input.reason,
        updated_at: sql<number>`max(updated_at + 1, ${input.at})`,
      })
      .where('position_id', '=', positionId)
      .where('withdrawn_at', 'is', null),
  ).changes
}

/** Records that something the public sees changed (e.g. a co-signature), for ETags and the feed. */
export function touchPublication(db: Db, positionId: string, at: number): void {
  // Never backwards: with an injected clock a later change must still change the ETag.
  run(
    db,
    db.q
      .updateTable('publications')
      .set({ updated_at: sql<number>`max(updated_at + 1, ${at})` })
      .where('position_id', '=', positionId),
  )
}

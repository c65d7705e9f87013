import { sql } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { TranslationRevisionRow, TranslationRow } from '../../db/schema/index.ts'

export function insertTranslation(db: Db, row: TranslationRow): void {
  run(db, db.q.insertInto('translations').values(row))
}

export function getTranslation(db: Db, id: string): TranslationRow | undefined {
  return first(db, db.q.selectFrom('translations').selectAll().where('id', '=', id))
}

export function translationOf(db: Db, positionId: string, language: string): TranslationRow | undefined {
  return first(db, db.q.selectFrom('translations').selectAll().where('position_id', '=', positionId).where('language', '=', language))
}

/** All translations of a position (for the people who write them), by language. */
export function translationsOf(db: Db, positionId: string): TranslationRow[] {
  return all(db, db.q.selectFrom('translations').selectAll().where('position_id', '=', positionId).orderBy('language'))
}

/** What the public sees of a position's translations: published ones, by language. */
export function publishedTranslationsOf(db: Db, positionId: string): TranslationRow[] {
  return all(db, db.q.selectFrom('translations').selectAll().where('position_id', '=', positionId).where('status', '=', 'published').orderBy('language'))
}

/** Published translations, newest change first, for the feed. */
export function recentPublishedTranslations(db: Db, limit: number): Array<TranslationRow & { slug: string; group_slug: string; group_name: string }> {
  return all(
    db,
    db.q
      .selectFrom('translations')
      .innerJoin('publications', 'publications.position_id', 'translations.position_id')
      .selectAll('translations')
      .select(['publications.slug', 'publications.group_slug', 'publications.group_name'])
      .where('translations.status', '=', 'published')
      .orderBy('translations.updated_at', 'desc')
      .limit(limit),
  )
}

/** Publication slugs with a published translation into `language`, with its title and summary (the /p filter). */
export function translatedInto(db: Db, language: string): Map<string, { title: string; summary: string }> {
  const rows = all(
    db,
    db.q
      .selectFrom('translations')
      .innerJoin('publications', 'publications.position_id', 'translations.position_id')
      .select(['publications.slug', 'translations.title', 'translations.summary'])
      .where('translations.language', '=', language)
      .where('translations.status', '=', 'published'),
  )
  return new Map(rows.map((r) => [r.slug, { title: r.title, summary: r.summary }]))
}

/** Languages with at least one published translation, for the /p filter. */
export function publishedLanguages(db: Db): string[] {
  return all(db, db.q.selectFrom('translations').select('language').distinct().where('status', '=', 'published').orderBy('language')).map((r) => r.language)
}

export interface TranslationText {
  title: string
  summary: string
  content: string
  html: string
}

/** Changes the text; `updated_at` moves strictly forward (it is part of the public pages' basis). */
export function updateTranslationText(db: Db, id: string, text: TranslationText, at: number): void {
  run(db, db.q.updateTable('translations').set({ ...text, updated_at: sql<number>`max(updated_at + 1, ${at})` }).where('id', '=', id))
}

export function setTranslationStatus(
  db: Db,
  id: string,
  from: TranslationRow['status'],
  change: { status: TranslationRow['status']; at: number; by?: string; reason?: string },
): number {
  return run(
    db,
    db.q
      .updateTable('translations')
      .set({
        status: change.status,
        updated_at: sql<number>`max(updated_at + 1, ${change.at})`,
        ...(change.status === 'published' ? { published_at: change.at, published_by: change.by ?? null, withdrawn_at: null, withdraw_reason: null } : {}),
        ...(change.status === 'withdrawn' ? { withdrawn_at: change.at, withdraw_reason: change.reason ?? '' } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', from),
  ).changes
}

export function insertRevision(db: Db, row: Omit<TranslationRevisionRow, 'number'>): number {
  const last = first(db, db.q.selectFrom('translation_revisions').select((eb) => eb.fn.max('number').as('n')).where('translation_id', '=', row.translation_id))
  const number = Number(last?.n ?? 0) + 1
  run(db, db.q.insertInto('translation_revisions').values({ ...row, number }))
  return number
}

export function revisionsOf(db: Db, translationId: string): TranslationRevisionRow[] {
  return all(db, db.q.selectFrom('translation_revisions').selectAll().where('translation_id', '=', translationId).orderBy('number'))
}

import type { PublicationRow, TranslationRevisionRow, TranslationRow } from '../../db/schema/index.ts'
import { translationLanguage } from '../../shared/translations/languages.ts'
import { publicUrlOf } from '../publishing/present-publication.ts'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function translationUrlOf(publicUrl: string, slug: string, language: string): string {
  return `${publicUrlOf(publicUrl, slug)}/${language}`
}

/** For the people who write and publish translations (signed in). */
export function presentTranslation(row: TranslationRow, revisions: TranslationRevisionRow[] = []) {
  return {
    id: row.id,
    positionId: row.position_id,
    language: row.language,
    status: row.status,
    title: row.title,
    summary: row.summary,
    content: JSON.parse(row.content) as unknown,
    versionNumber: row.version_number,
    versionHash: row.version_hash,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    publishedAt: iso(row.published_at),
    withdrawnAt: iso(row.withdrawn_at),
    withdrawReason: row.withdraw_reason,
    revisions: revisions.map((r) => ({ number: r.number, title: r.title, summary: r.summary, createdAt: iso(r.created_at) })),
  }
}

/** One entry of a public position's `translations`. */
export function presentTranslationLink(row: TranslationRow, slug: string, publicUrl: string) {
  const url = translationUrlOf(publicUrl, slug, row.language)
  return {
    language: row.language,
    dir: translationLanguage(row.language)?.dir ?? 'ltr',
    title: row.title,
    url,
    pdfUrl: `${url}.pdf`,
    jsonUrl: `${publicUrl}/api/public/positions/${slug}/translations/${row.language}`,
    versionNumber: row.version_number,
    versionHash: row.version_hash,
  }
}

/** GET /api/public/positions/:slug/translations/:language: the translation and what it translates. */
export function presentPublicTranslation(row: TranslationRow, publication: PublicationRow, publicUrl: string) {
  return {
    ...presentTranslationLink(row, publication.slug, publicUrl),
    summary: row.summary,
    content: JSON.parse(row.content) as unknown,
    html: row.html,
    publishedAt: iso(row.published_at),
    updatedAt: iso(row.updated_at),
    // The adopted German text is the one that counts; the translation renders it.
    authoritative: {
      language: 'de',
      title: publication.title,
      url: publicUrlOf(publicUrl, publication.slug),
      versionNumber: publication.version_number,
      versionHash: publication.version_hash,
    },
  }
}

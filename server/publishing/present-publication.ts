import { translator } from '../../shared/i18n/index.ts'
import type { PublicationRow } from '../../db/schema/index.ts'
import { resultSentence, type PublishedResult } from '../../shared/publishing/result-sentence.ts'
import type { PublicationSummaryRow } from './publication.repo.ts'
import type { Signatory } from './signature.repo.ts'

/** One entry of GET /api/public/positions. */
export interface PublicPositionSummary {
  slug: string
  title: string
  summary: string
  group: string
  publishedAt: string
  status: 'published' | 'withdrawn'
  url: string
}

/** GET /api/public/positions/:slug: the summary plus the adopted text and its record. */
export interface PublicPositionDetail extends PublicPositionSummary {
  groupSlug: string
  adoptedAt: string
  withdrawnAt: string | null
  withdrawReason: string | null
  versionNumber: number
  /** Lower-case hex SHA-256 of the canonical JSON of `content` (see README, "Version hashes"). */
  versionHash: string
  /** ProseMirror JSON of the adopted version, exactly as hashed. */
  content: unknown
  html: string
  result: Omit<PublishedResult, 'closedAt'> & { closedAt: string; text: { de: string; en: string } }
  signatories: Array<{ name: string; slug: string; signedAt: string }>
}

export function publicUrlOf(publicUrl: string, slug: string): string {
  return `${publicUrl}/p/${slug}`
}

export function storedResult(row: Pick<PublicationRow, 'result'>): PublishedResult {
  return JSON.parse(row.result) as PublishedResult
}

export function presentPublicSummary(row: PublicationSummaryRow, publicUrl: string): PublicPositionSummary {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    group: row.group_name,
    publishedAt: new Date(row.published_at).toISOString(),
    status: row.withdrawn_at === null ? 'published' : 'withdrawn',
    url: publicUrlOf(publicUrl, row.slug),
  }
}

export function presentPublicDetail(row: PublicationRow, signatories: Signatory[], publicUrl: string): PublicPositionDetail {
  const result = storedResult(row)
  return {
    ...presentPublicSummary(row, publicUrl),
    groupSlug: row.group_slug,
    adoptedAt: new Date(row.adopted_at).toISOString(),
    withdrawnAt: row.withdrawn_at === null ? null : new Date(row.withdrawn_at).toISOString(),
    withdrawReason: row.withdraw_reason,
    versionNumber: row.version_number,
    versionHash: row.version_hash,
    content: JSON.parse(row.content) as unknown,
    html: row.html,
    result: {
      ...result,
      closedAt: new Date(result.closedAt).toISOString(),
      text: { de: resultSentence(result, translator('de')), en: resultSentence(result, translator('en')) },
    },
    signatories: signatories.map((s) => ({ name: s.name, slug: s.slug, signedAt: new Date(s.signedAt).toISOString() })),
  }
}

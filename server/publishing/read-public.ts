import { z } from 'zod'
import type { PublicationRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import type { Deps } from '../deps.ts'
import { getPublicationBySlug, listPublications, type PublicationSummaryRow } from './publication.repo.ts'
import { signatoriesOf, type Signatory } from './signature.repo.ts'

/**
 * Query of the public list (page and API). Deliberately not strict: shared links pick up
 * tracking parameters (utm_source …) on the way, and a public page must not refuse them.
 */
export const PublicListQuery = z.object({
  q: z.string().max(200).optional(),
  group: z.string().max(100).optional(),
  /** Only positions with a published translation into this language, shown in it. */
  lang: z.string().max(10).optional(),
})

export interface PublicListInput {
  q?: string | undefined
  group?: string | undefined
}

export function searchWords(q: string | undefined): string[] {
  return (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 10)
}

/** Published (and withdrawn) positions, newest first, filtered by words and working group. */
export function readPublicList(deps: Pick<Deps, 'db'>, input: PublicListInput): PublicationSummaryRow[] {
  return listPublications(deps.db, { words: searchWords(input.q), groupSlug: input.group || undefined, limit: 500 })
}

export function readPublication(deps: Pick<Deps, 'db'>, slug: string): { row: PublicationRow; signatories: Signatory[] } {
  const row = getPublicationBySlug(deps.db, slug) ?? fail('not_found')
  return { row, signatories: signatoriesOf(deps.db, row.position_id) }
}

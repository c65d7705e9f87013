import type { Generated, Selectable } from 'kysely'

/**
 * The public record of a published position. Text, HTML, result and group are copies made at
 * publish time: the public page must show exactly what was adopted, whatever changes later.
 */
export interface PublicationsTable {
  position_id: string
  slug: string
  title: string
  summary: Generated<string>
  group_id: string
  group_name: string
  group_slug: string
  version_number: number
  /** The round that adopted this version. */
  round_id: string
  /** SHA-256 (hex) of the canonical JSON of `content`, as stored with the version. */
  version_hash: string
  /** ProseMirror JSON of the adopted version. */
  content: string
  /** Rendered once at publish time from `content` through the shared extension list. */
  html: string
  /** Lower-cased title, summary and plain text, for the public search. */
  search_text: Generated<string>
  /** JSON of shared/publishing/result-sentence.ts `PublishedResult`. */
  result: string
  adopted_at: number
  published_at: number
  published_by: string | null
  withdrawn_at: number | null
  withdrawn_by: string | null
  withdraw_reason: string | null
  /** Bumped on every change the public can see (withdrawal, co-signatures): the ETag basis. */
  updated_at: number
}
export type PublicationRow = Selectable<PublicationsTable>
export interface PartialDB { publications: PublicationsTable }

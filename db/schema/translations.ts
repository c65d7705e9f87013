import type { Selectable } from 'kysely'

export interface TranslatorLanguagesTable {
  person_id: string
  language: string
  created_at: number
}

export type TranslationStatus = 'draft' | 'published' | 'withdrawn'

/** A translation of a published position, always of its published version. */
export interface TranslationsTable {
  id: string
  position_id: string
  /** A code of shared/translations/languages.ts. */
  language: string
  title: string
  summary: string
  /** ProseMirror JSON, checked against the shared schema. */
  content: string
  html: string
  version_number: number
  version_hash: string
  status: TranslationStatus
  created_by: string | null
  created_at: number
  /** Moves forward on every change the public can see. */
  updated_at: number
  published_at: number | null
  published_by: string | null
  withdrawn_at: number | null
  withdraw_reason: string | null
}

/** Each saved text of a translation (its history). */
export interface TranslationRevisionsTable {
  id: string
  translation_id: string
  number: number
  title: string
  summary: string
  content: string
  created_by: string | null
  created_at: number
}

export type TranslationRow = Selectable<TranslationsTable>
export type TranslationRevisionRow = Selectable<TranslationRevisionsTable>
export interface PartialDB {
  translator_languages: TranslatorLanguagesTable
  translations: TranslationsTable
  translation_revisions: TranslationRevisionsTable
}

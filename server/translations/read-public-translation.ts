import type { PublicationRow, TranslationRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import type { Deps } from '../deps.ts'
import { getPublicationBySlug } from '../publishing/publication.repo.ts'
import { publishedTranslationsOf } from './translation.repo.ts'

/** A published translation with its publication and its sibling translations, or not_found. */
export function readPublicTranslation(deps: Pick<Deps, 'db'>, slug: string, language: string): { publication: PublicationRow; translation: TranslationRow; all: TranslationRow[] } {
  const publication = getPublicationBySlug(deps.db, slug) ?? fail('not_found')
  const all = publishedTranslationsOf(deps.db, publication.position_id)
  const translation = all.find((tr) => tr.language === language) ?? fail('not_found')
  return { publication, translation, all }
}

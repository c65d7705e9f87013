import type { TranslationRow } from '../../db/schema/index.ts'
import type { Locale, Translate } from '../../shared/i18n/index.ts'
import { translationLanguageName } from '../../shared/translations/languages.ts'
import type { FeedTranslation } from '../publishing/atom-feed.ts'
import { publicUrlOf } from '../publishing/present-publication.ts'
import { translationUrlOf } from './present-translation.ts'

/** Published translations as feed entries of their own, each in its language. */
export function feedTranslations(
  rows: ReadonlyArray<TranslationRow & { slug: string; group_slug: string; group_name: string }>,
  publicUrl: string,
  t: Translate,
  locale: Locale,
): FeedTranslation[] {
  return rows.map((row) => {
    const url = translationUrlOf(publicUrl, row.slug, row.language)
    const notice = t('translations.pdf_notice', { n: row.version_number, hash: row.version_hash, url: publicUrlOf(publicUrl, row.slug) })
    return {
      id: url,
      url,
      language: row.language,
      title: row.title,
      published: row.published_at ?? row.updated_at,
      updated: row.updated_at,
      summary: row.summary || `${translationLanguageName(row.language, locale)}: ${notice}`,
      notice,
      html: row.html,
      category: { term: row.group_slug, label: row.group_name },
    }
  })
}

import { translationLanguage } from '../../shared/translations/languages.ts'
import type { PublicListItem } from '../../web/views/public/public-list-page.tsx'
import type { Deps } from '../deps.ts'
import { translationUrlOf } from './present-translation.ts'
import { publishedLanguages, translatedInto } from './translation.repo.ts'

/**
 * /p?lang=ar: only the positions with a published Arabic translation, each shown with its
 * translated title and summary and linked to the translation. Also says which languages exist.
 */
export function listInLanguage(deps: Pick<Deps, 'db' | 'config'>, items: PublicListItem[], lang: string): { items: PublicListItem[]; languages: Array<{ code: string; native: string }> } {
  const languages = publishedLanguages(deps.db).map((code) => ({ code, native: translationLanguage(code)?.native ?? code }))
  const language = lang ? translationLanguage(lang) : undefined
  if (!language) return { items, languages }
  const translated = translatedInto(deps.db, language.code)
  const path = (slug: string) => new URL(translationUrlOf(deps.config.publicUrl, slug, language.code)).pathname
  return {
    languages,
    items: items.flatMap((item) => {
      const tr = translated.get(item.slug)
      return tr ? [{ ...item, title: tr.title, summary: tr.summary, href: path(item.slug), lang: language.code, dir: language.dir }] : []
    }),
  }
}

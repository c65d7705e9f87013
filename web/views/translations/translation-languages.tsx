import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { translationLanguage } from '../../../shared/translations/languages.ts'
import type { PageContext } from '../layout.tsx'

/** A published translation as the public pages link to it. */
export interface TranslationLink {
  language: string
  title: string
  url: string
}

/**
 * "Also in: Deutsch (beschlossene Fassung) · العربية · Українська": each language named in itself,
 * marked with `lang`/`hreflang` so a screen reader and a search engine know what they get.
 */
export function TranslationLanguages({ ctx, originalUrl, translations, current }: { ctx: PageContext; originalUrl: string; translations: TranslationLink[]; current: string }) {
  const { t } = ctx
  if (translations.length === 0) return null
  const original: { language: string; native: string; url: string; dir: 'ltr' | 'rtl' } = { language: CONTENT_LOCALE, native: 'Deutsch', url: originalUrl, dir: 'ltr' }
  const links = [original].concat(
    translations.map((tr) => {
      const lang = translationLanguage(tr.language)
      return { language: tr.language, native: lang?.native ?? tr.language, url: tr.url, dir: lang?.dir ?? 'ltr' }
    }),
  )
  return (
    <nav class="translation-languages no-print" aria-label={t('translations.languages')}>
      <p>{t('translations.languages')}:</p>
      <ul>
        {links.map((l) => (
          <li>
            {l.language === current ? (
              <span lang={l.language} dir={l.dir} aria-current="page">
                <strong>{l.native}</strong>
              </span>
            ) : (
              <a href={l.url} hreflang={l.language} lang={l.language} dir={l.dir}>
                {l.native}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}

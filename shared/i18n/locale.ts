/**
 * A language code of the interface: `de` and `en` are built in (their words live in messages/),
 * any other is a language pack installed at start (server/i18n/language-packs.ts). A code is a
 * lower-case BCP 47 tag (`fr`, `pt-br`); Intl formats dates, numbers and plurals by it.
 */
export type Locale = string

/** The languages built into the code. A pack adds more; see `Languages` (languages.ts). */
export const LOCALES = ['de', 'en'] as const
export type BuiltInLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'de'

/** The shape of a language code (also what the database's CHECK admits). */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/

/** Whether `value` is a built-in language; whether a pack is installed is `Languages.has`. */
export function isLocale(value: unknown): value is BuiltInLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

// German as spoken in Germany, British English; a pack's code is its own Intl tag.
const INTL_TAGS: Record<string, string> = { de: 'de-DE', en: 'en-GB' }

/** The tag Intl formats a language's dates, numbers, lists and plural forms with. */
export function intlLocale(locale: Locale): string {
  return INTL_TAGS[locale] ?? locale
}

/**
 * Picks the best of `available` from an Accept-Language header (by weight, then order; a region
 * tag also matches its language: `fr-CA` picks `fr`); German when nothing matches.
 */
export function localeFromAcceptLanguage(header: string | null | undefined, available: readonly Locale[] = LOCALES): Locale {
  if (!header) return DEFAULT_LOCALE
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const weight = q ? Number(q.slice(2)) : 1
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index }
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  for (const entry of ranked) {
    if (available.includes(entry.tag)) return entry.tag
    const language = entry.tag.split('-')[0] ?? ''
    if (available.includes(language)) return language
  }
  return DEFAULT_LOCALE
}

/**
 * The language the alliance writes in: position titles and texts, summaries, reasons, names of
 * groups and initiatives. Pages mark such content with `lang` so that in the English interface a
 * screen reader still reads it with German pronunciation (WCAG 3.1.2).
 */
export const CONTENT_LOCALE: Locale = 'de'

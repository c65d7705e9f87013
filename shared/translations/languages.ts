import { intlLocale, type Locale } from '../i18n/locale.ts'
/**
 * The languages a published position can be translated into: those the people an alliance of
 * refugee-support initiatives speaks for read most. `dir` decides the writing direction on the
 * page, in print and in the PDF. Kurdish comes twice: Sorani in Arabic script (right to left)
 * and Kurmanji in Latin script. Adding one is one line here (plus its names in both interface
 * languages).
 */
export interface TranslationLanguage {
  /** BCP 47 tag, also the URL segment: /p/<slug>/<code>. */
  code: string
  /** The language's name in itself, for links a reader of that language must find. */
  native: string
  de: string
  en: string
  dir: 'ltr' | 'rtl'
}

export const TRANSLATION_LANGUAGES: readonly TranslationLanguage[] = [
  { code: 'ar', native: 'العربية', de: 'Arabisch', en: 'Arabic', dir: 'rtl' },
  { code: 'fa', native: 'فارسی', de: 'Persisch (Farsi)', en: 'Persian (Farsi)', dir: 'rtl' },
  { code: 'ckb', native: 'کوردیی ناوەندی', de: 'Kurdisch (Sorani)', en: 'Kurdish (Sorani)', dir: 'rtl' },
  { code: 'kmr', native: 'Kurmancî', de: 'Kurdisch (Kurmancî)', en: 'Kurdish (Kurmanji)', dir: 'ltr' },
  { code: 'ps', native: 'پښتو', de: 'Paschtu', en: 'Pashto', dir: 'rtl' },
  { code: 'uk', native: 'Українська', de: 'Ukrainisch', en: 'Ukrainian', dir: 'ltr' },
  { code: 'ru', native: 'Русский', de: 'Russisch', en: 'Russian', dir: 'ltr' },
  { code: 'tr', native: 'Türkçe', de: 'Türkisch', en: 'Turkish', dir: 'ltr' },
  { code: 'ti', native: 'ትግርኛ', de: 'Tigrinya', en: 'Tigrinya', dir: 'ltr' },
  { code: 'am', native: 'አማርኛ', de: 'Amharisch', en: 'Amharic', dir: 'ltr' },
  { code: 'so', native: 'Soomaali', de: 'Somali', en: 'Somali', dir: 'ltr' },
  { code: 'en', native: 'English', de: 'Englisch', en: 'English', dir: 'ltr' },
  { code: 'fr', native: 'Français', de: 'Französisch', en: 'French', dir: 'ltr' },
]

export const TRANSLATION_LANGUAGE_CODES = TRANSLATION_LANGUAGES.map((l) => l.code) as [string, ...string[]]

export function translationLanguage(code: string): TranslationLanguage | undefined {
  return TRANSLATION_LANGUAGES.find((l) => l.code === code)
}

export function isRtl(code: string): boolean {
  return translationLanguage(code)?.dir === 'rtl'
}

/**
 * The language's name in the interface language `locale`: German and English from the list above,
 * any other interface language (a language pack) from Intl's names, else the language's own name.
 */
export function languageNameIn(language: TranslationLanguage, locale: Locale): string {
  if (locale === 'de') return language.de
  if (locale === 'en') return language.en
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'language' }).of(language.code) ?? language.native
  } catch {
    return language.native
  }
}

/** The name of the language `code` in the interface language `locale`; the code if it is not in the list. */
export function translationLanguageName(code: string, locale: Locale): string {
  const language = translationLanguage(code)
  return language ? languageNameIn(language, locale) : code
}

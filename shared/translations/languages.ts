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

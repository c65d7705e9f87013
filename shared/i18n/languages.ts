import { ENGLISH, GERMAN, makeTranslator, type Translate } from './index.ts'
import type { LanguagePack } from './language-pack.ts'
import { DEFAULT_LOCALE, localeFromAcceptLanguage, type Locale } from './locale.ts'

/** What the interface shows of a language: its code, its own name, its writing direction. */
export interface LanguageInfo {
  code: Locale
  name: string
  dir: 'ltr' | 'rtl'
  /** "Switch to English", in the language itself: the switch's name for screen readers (absent if a pack lacks it). */
  switchTo?: string | undefined
}

/**
 * The interface languages of a running app: German and English, then the installed packs
 * (server/i18n/language-packs.ts loads them at start). A member of the app context
 * (`deps.languages`); nothing in it changes after it is built.
 */
export interface Languages {
  /** German, English, then the packs by code. */
  readonly list: readonly LanguageInfo[]
  readonly codes: readonly Locale[]
  has(code: unknown): code is Locale
  /** A stored or chosen code if that language is (still) installed, else null. */
  installed(code: string | null | undefined): Locale | null
  /** The language's name and direction (German's for a code that is not installed). */
  info(code: Locale): LanguageInfo
  /** The words of a language, German for every key it lacks (and for a code that is not installed). */
  translator(code: Locale): Translate
  /** The installed language an Accept-Language header asks for most, else German. */
  fromAcceptLanguage(header: string | null | undefined): Locale
  /**
   * The words of a pack language whose keys start with one of `prefixes`: what a browser script
   * needs beyond the German and English it is bundled with; null for a built-in language.
   */
  scriptWords(code: Locale, prefixes: readonly string[]): Record<string, string> | null
}

const BUILT_IN: readonly LanguageInfo[] = [
  { code: 'de', name: 'Deutsch', dir: 'ltr', switchTo: GERMAN['lang.switch_to'] },
  { code: 'en', name: 'English', dir: 'ltr', switchTo: ENGLISH['lang.switch_to'] },
]

export function createLanguages(packs: readonly LanguagePack[] = []): Languages {
  const sorted = [...packs].sort((a, b) => a.code.localeCompare(b.code))
  const list: LanguageInfo[] = [...BUILT_IN, ...sorted.map(({ code, name, dir, messages }) => ({ code, name, dir, switchTo: messages['lang.switch_to'] }))]
  const codes = list.map((l) => l.code)
  const infos = new Map(list.map((l) => [l.code, l]))
  const packByCode = new Map(sorted.map((p) => [p.code, p]))
  const translators = new Map<Locale, Translate>([
    ['de', makeTranslator('de', GERMAN)],
    ['en', makeTranslator('en', ENGLISH)],
    ...sorted.map((p) => [p.code, makeTranslator(p.code, p.messages)] as const),
  ])
  const has = (code: unknown): code is Locale => typeof code === 'string' && infos.has(code)
  return {
    list,
    codes,
    has,
    installed: (code) => (has(code) ? code : null),
    info: (code) => infos.get(code) ?? infos.get(DEFAULT_LOCALE)!,
    translator: (code) => translators.get(code) ?? translators.get(DEFAULT_LOCALE)!,
    fromAcceptLanguage: (header) => localeFromAcceptLanguage(header, codes),
    scriptWords: (code, prefixes) => {
      const pack = packByCode.get(code)
      if (!pack) return null
      return Object.fromEntries(Object.entries(pack.messages).filter(([key]) => prefixes.some((p) => key.startsWith(p))))
    },
  }
}

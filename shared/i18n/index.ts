import type { Locale } from './locale.ts'
import * as admin from './messages/admin.ts'
import * as alliance from './messages/alliance.ts'
import * as archive from './messages/archive.ts'
import * as amendments from './messages/amendments.ts'
import * as amendmentSelect from './messages/amendment-select.ts'
import * as amendmentRounds from './messages/amendment-rounds.ts'
import * as auth from './messages/auth.ts'
import * as comments from './messages/comments.ts'
import * as common from './messages/common.ts'
import * as demo from './messages/demo.ts'
import * as editor from './messages/editor.ts'
import * as notifications from './messages/notifications.ts'
import * as exchange from './messages/exchange.ts'
import * as positions from './messages/positions.ts'
import * as proxies from './messages/proxies.ts'
import * as publishing from './messages/publishing.ts'
import * as roundFlow from './messages/round-flow.ts'
import * as rounds from './messages/rounds.ts'
import * as translations from './messages/translations.ts'

// Each feature keeps its strings in its own file under messages/ (German first, English typed to
// have exactly the same keys); register it here once.
// One line per message module, so that features add lines without touching others.
const modules = [
  common,
  auth,
  publishing,
  admin,
  positions,
  editor,
  rounds,
  roundFlow,
  demo,
  notifications,
  comments,
  alliance,
  exchange,
  translations,
  archive,
  amendments,
  amendmentSelect,
  amendmentRounds,
  proxies,
] as const

type ModuleKeys<M> = M extends { de: infer D } ? keyof D : never
export type MessageKey = ModuleKeys<(typeof modules)[number]>

/** German: the source of every key, and the words shown where another language lacks one. */
export const GERMAN: Readonly<Record<string, string>> = Object.assign({}, ...modules.map((m) => m.de))
/** English: complete, like German (its modules are typed to have exactly German's keys). */
export const ENGLISH: Readonly<Record<string, string>> = Object.assign({}, ...modules.map((m) => m.en))

export type Params = Record<string, string | number>
/** The words of one language; `locale` says which, for Intl and `lang` attributes. */
export interface Translate {
  (key: MessageKey, params?: Params): string
  readonly locale: Locale
}

/** A translator over `table`, German where it lacks a key, the key itself where German does too. */
export function makeTranslator(locale: Locale, table: Readonly<Record<string, string>>): Translate {
  const t = (key: MessageKey, params?: Params) => {
    const text = table[key] ?? GERMAN[key] ?? pluralFallback(table, key) ?? key
    if (!params) return text
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    )
  }
  return Object.assign(t, { locale })
}

// A plural form German lacks (`….few`, from Intl.PluralRules of a pack's language) that the pack
// does not have either: its `other` form.
function pluralFallback(table: Readonly<Record<string, string>>, key: string): string | undefined {
  const match = /^(.*)\.(zero|two|few|many)$/.exec(key)
  return match ? (table[`${match[1]}.other`] ?? GERMAN[`${match[1]}.other`]) : undefined
}

const BUILT_IN = { de: makeTranslator('de', GERMAN), en: makeTranslator('en', ENGLISH) }

/**
 * The words of a built-in language (German for any other code). Where a person's or a request's
 * language is at hand, use the app's `Languages` (deps.languages, languages.ts) instead: it also
 * knows the installed language packs.
 */
export function translator(locale: Locale): Translate {
  return locale === 'en' ? BUILT_IN.en : BUILT_IN.de
}

export * from './locale.ts'

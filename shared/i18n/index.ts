import type { Locale } from './locale.ts'
import * as admin from './messages/admin.ts'
import * as alliance from './messages/alliance.ts'
import * as archive from './messages/archive.ts'
import * as amendments from './messages/amendments.ts'
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
  amendmentRounds,
  proxies,
] as const

type ModuleKeys<M> = M extends { de: infer D } ? keyof D : never
export type MessageKey = ModuleKeys<(typeof modules)[number]>

const tables: Record<Locale, Record<string, string>> = {
  de: Object.assign({}, ...modules.map((m) => m.de)),
  en: Object.assign({}, ...modules.map((m) => m.en)),
}

export type Params = Record<string, string | number>
export type Translate = (key: MessageKey, params?: Params) => string

export function translator(locale: Locale): Translate {
  const table = tables[locale]
  return (key, params) => {
    const text = table[key] ?? tables.de[key] ?? key
    if (!params) return text
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    )
  }
}

export * from './locale.ts'

import { z } from 'zod'
import { GERMAN } from './index.ts'
import { LOCALE_PATTERN, LOCALES, type Locale } from './locale.ts'

/**
 * An interface language beyond German and English, installed as ONE file `<code>.json` in the
 * languages directory (README, "Eine Oberflächensprache hinzufügen"):
 *
 *   { "name": "Français", "dir": "ltr", "messages": { "nav.start": "Accueil", … } }
 *
 * `name` is the language's own name (shown in the language switch), `dir` its writing direction,
 * `messages` the words by German's keys; a key left out shows the German words.
 */
export interface LanguagePack {
  code: Locale
  name: string
  dir: 'ltr' | 'rtl'
  messages: Readonly<Record<string, string>>
}

const PackFile = z
  .object({
    name: z.string().trim().min(1).max(80),
    dir: z.enum(['ltr', 'rtl']).default('ltr'),
    messages: z.record(z.string(), z.string().max(4000)),
  })
  .strict()

/** Plural forms a language may have beyond German's `one` and `other` (Intl.PluralRules categories). */
const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const

/** Why a pack file was refused: every problem, each naming the file and, where there is one, the key. */
export class LanguagePackError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Language pack ${file} refused:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'LanguagePackError'
  }
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))

/**
 * The German text a pack's key translates: the key itself, or for a plural form German lacks
 * (`….few`), German's forms of the same base, whose placeholders it may use.
 */
function germanFor(key: string): string | undefined {
  if (key in GERMAN) return GERMAN[key]
  const dot = key.lastIndexOf('.')
  const base = key.slice(0, dot)
  const category = key.slice(dot + 1)
  if (!(PLURAL_CATEGORIES as readonly string[]).includes(category)) return undefined
  const forms = ['one', 'other'].map((c) => GERMAN[`${base}.${c}`]).filter((t): t is string => t !== undefined)
  return forms.length ? forms.join(' ') : undefined
}

/**
 * Checks a parsed pack file (`file` names it in every problem, `code` comes from its name):
 * the shape, a language code that is not built in, keys German has (plural forms of German's
 * plural keys included), and no placeholder German's text does not have (`{nmae}` would show as
 * it is). Leaving a German placeholder out is allowed (a language may not need the number).
 */
export function checkLanguagePack(file: string, code: string, raw: unknown): LanguagePack {
  const problems: string[] = []
  if (!LOCALE_PATTERN.test(code)) problems.push(`the file name must be a lower-case language code such as fr.json or pt-br.json, got "${code}"`)
  if ((LOCALES as readonly string[]).includes(code)) problems.push(`"${code}" is built in (shared/i18n/messages); a pack cannot replace it`)
  const parsed = PackFile.safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.length ? issue.path.join('.') : '(file)'}: ${issue.message}`)
    throw new LanguagePackError(file, problems)
  }
  for (const [key, text] of Object.entries(parsed.data.messages)) {
    const german = germanFor(key)
    if (german === undefined) {
      problems.push(`key "${key}": German has no such key (spelling? removed?)`)
      continue
    }
    const allowed = placeholders(german)
    const unknown = [...placeholders(text)].filter((p) => !allowed.has(p))
    if (unknown.length) problems.push(`key "${key}": placeholder ${unknown.map((p) => `{${p}}`).join(', ')} is not in the German text "${german}"`)
  }
  if (problems.length) throw new LanguagePackError(file, problems)
  return { code, name: parsed.data.name, dir: parsed.data.dir, messages: parsed.data.messages }
}

/** German's keys a pack has no words for (they show in German), sorted. */
export function missingKeys(pack: Pick<LanguagePack, 'messages'>): string[] {
  return Object.keys(GERMAN)
    .filter((key) => !(key in pack.messages))
    .sort()
}

import { de, en } from '../../../shared/i18n/messages/comments.ts'
import { SCRIPT_WORDS_ID, scriptTable } from '../../../shared/i18n/script-words.ts'

export type CommentsMessageKey = keyof typeof de
export type CommentsTranslate = (key: CommentsMessageKey, params?: Record<string, string | number>) => string

/** The comment panel's strings in the page's language (data-locale). */
export function commentsTranslator(locale: string | undefined): CommentsTranslate {
  // A language pack's words come embedded in the page (shared/i18n/script-words.ts).
  const table: Record<CommentsMessageKey, string> = scriptTable(locale, de, en, () => document.getElementById(SCRIPT_WORDS_ID)?.textContent)
  return (key, params) => {
    const text = table[key] ?? de[key]
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name]))) : text
  }
}

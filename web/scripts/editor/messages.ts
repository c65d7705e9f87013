import { de, en } from '../../../shared/i18n/messages/editor.ts'
import { SCRIPT_WORDS_ID, scriptTable } from '../../../shared/i18n/script-words.ts'

export type EditorMessageKey = keyof typeof de
export type EditorTranslate = (key: EditorMessageKey, params?: Record<string, string>) => string

/** The editor's strings in the page's language (the page tells it via data-locale). */
export function editorTranslator(locale: string | undefined): EditorTranslate {
  // A language pack's words come embedded in the page (shared/i18n/script-words.ts).
  const table: Record<EditorMessageKey, string> = scriptTable(locale, de, en, () => document.getElementById(SCRIPT_WORDS_ID)?.textContent)
  return (key, params) => {
    const text = table[key] ?? de[key]
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole) : text
  }
}

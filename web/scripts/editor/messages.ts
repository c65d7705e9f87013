import { de, en } from '../../../shared/i18n/messages/editor.ts'

export type EditorMessageKey = keyof typeof de
export type EditorTranslate = (key: EditorMessageKey, params?: Record<string, string>) => string

/** The editor's strings in the page's language (the page tells it via data-locale). */
export function editorTranslator(locale: string | undefined): EditorTranslate {
  const table: Record<EditorMessageKey, string> = locale === 'en' ? en : de
  return (key, params) => {
    const text = table[key] ?? de[key]
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole) : text
  }
}

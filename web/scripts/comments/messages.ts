import { de, en } from '../../../shared/i18n/messages/comments.ts'

export type CommentsMessageKey = keyof typeof de
export type CommentsTranslate = (key: CommentsMessageKey, params?: Record<string, string | number>) => string

/** The comment panel's strings in the page's language (data-locale). */
export function commentsTranslator(locale: string | undefined): CommentsTranslate {
  const table: Record<CommentsMessageKey, string> = locale === 'en' ? en : de
  return (key, params) => {
    const text = table[key] ?? de[key]
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name]))) : text
  }
}

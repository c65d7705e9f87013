import { CONTENT_LOCALE } from '../../shared/i18n/locale.ts'

/** Stands in for a piece of content inside a translated sentence, so the sentence can mark it. */
export const CONTENT_MARK = '\u0000'

/**
 * A translated sentence with a piece of content (a title) inside, e.g. "Round: <title>": the
 * content carries its own language, so an English interface does not read a German title with
 * English pronunciation. `text` is the sentence translated with CONTENT_MARK in place of the content.
 */
export function WithContent({ text, content, lang = CONTENT_LOCALE }: { text: string; content: string; lang?: string }) {
  const parts = text.split(CONTENT_MARK)
  return <>{parts.map((part, i) => (i === 0 ? part : [<span lang={lang}>{content}</span>, part]))}</>
}

/** The placeholder for the content parameter `name` (see `Sentence`). */
export const contentMark = (name: string): string => `${CONTENT_MARK}${name}${CONTENT_MARK}`

/**
 * A translated sentence with several pieces of content (e.g. "renamed from <from> to <to>"): pass
 * the sentence translated with `contentMark(name)` for each, and the pieces by name; each piece is
 * marked as German content, wherever the language puts it in the sentence.
 */
export function Sentence({ text, content }: { text: string; content: Readonly<Record<string, string>> }) {
  const parts = text.split(new RegExp(`${CONTENT_MARK}([A-Za-z0-9_]+)${CONTENT_MARK}`))
  return <>{parts.map((part, i) => (i % 2 === 0 ? part : <span lang={CONTENT_LOCALE}>{content[part] ?? ''}</span>))}</>
}

/**
 * A sentence already put together elsewhere (a notification's subject) with a piece of content
 * in it: each place where the content appears verbatim is marked as German content.
 */
export function ContentIn({ text, content }: { text: string; content: string | null }) {
  if (!content || !text.includes(content)) return <>{text}</>
  const parts = text.split(content)
  return <>{parts.map((part, i) => (i === 0 ? part : [<span lang={CONTENT_LOCALE}>{content}</span>, part]))}</>
}

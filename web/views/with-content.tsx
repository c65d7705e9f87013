import { CONTENT_LOCALE } from '../../shared/i18n/locale.ts'

/** Stands in for a piece of content inside a translated sentence, so the sentence can mark it. */
export const CONTENT_MARK = '\u0000'

/**
 * A translated sentence with a piece of content (a title) inside, e.g. "Round: <title>": the
 * content carries its own language, so an English interface does not read a German title with
 * English pronunciation. `text` is the sentence translated with CONTENT_MARK in place of the content.
 */
export function WithContent({ text, content }: { text: string; content: string }) {
  const parts = text.split(CONTENT_MARK)
  return <>{parts.map((part, i) => (i === 0 ? part : [<span lang={CONTENT_LOCALE}>{content}</span>, part]))}</>
}

/** The longest comment or reply, in characters. */
export const MAX_COMMENT_LENGTH = 4000

const WORD_CHAR = /[\p{L}\p{N}_-]/u

/**
 * The people a text mentions with `@Name`. Names may contain spaces ("@Anna Berg"), so at each
 * `@` the longest name that follows (compared without case) wins; a name must end where a word
 * ends, so "@Annabel" does not mention Anna.
 */
export function findMentions(body: string, people: ReadonlyArray<{ id: string; name: string }>): string[] {
  const found = new Set<string>()
  const lower = body.toLocaleLowerCase('de')
  const byLength = [...people].filter((p) => p.name.trim() !== '').sort((a, b) => b.name.length - a.name.length)
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHAR.test(body[at - 1]!)) continue // an e-mail address, not a mention
    const rest = lower.slice(at + 1)
    const match = byLength.find((p) => {
      const name = p.name.toLocaleLowerCase('de')
      return rest.startsWith(name) && !WORD_CHAR.test(rest.charAt(name.length))
    })
    if (match) found.add(match.id)
  }
  return [...found]
}

/** A piece of a comment's text as shown: plain text, or a link (http/https only). */
export type BodyPart = { text: string } | { href: string; text: string }

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g

/**
 * Splits a comment's plain text into text and links, for rendering with escaping. Punctuation
 * that ends a sentence is not part of the link.
 */
export function linkify(body: string): BodyPart[] {
  const parts: BodyPart[] = []
  let last = 0
  for (const match of body.matchAll(URL_PATTERN)) {
    let url = match[0]
    while (/[.,;:!?)\]'’]$/.test(url)) url = url.slice(0, -1)
    const start = match.index!
    if (start > last) parts.push({ text: body.slice(last, start) })
    parts.push({ href: url, text: url })
    last = start + url.length
  }
  if (last < body.length) parts.push({ text: body.slice(last) })
  return parts
}

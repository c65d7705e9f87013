/** The only link targets a position may contain: web pages and e-mail addresses. */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const

// Browsers ignore ASCII whitespace and C0 controls inside a scheme ("java\tscript:"), and some
// ignore other invisible characters too; any such character anywhere makes the link suspicious,
// and a real address never needs one.
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/
// Characters a well-formed address carries percent-encoded; raw, they only serve to break out of
// an attribute or to make parsers disagree ("https:\\evil" is read as "https://evil").
const UNSAFE = /["<>`\\]/

/**
 * True only for absolute http(s) and mailto addresses. Relative links, other schemes, and anything
 * with whitespace, control characters or a scheme the URL parser reads differently are refused,
 * so the same check is safe in the editor and in server-rendered HTML.
 */
export function isAllowedHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false
  if (INVISIBLE.test(href) || UNSAFE.test(href)) return false
  const match = /^(?:(https?):\/\/|(mailto):)/i.exec(href)
  if (!match) return false
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return false
  }
  const scheme = (match[1] ?? match[2])!.toLowerCase()
  if (!(LINK_PROTOCOLS as readonly string[]).includes(scheme) || url.protocol !== `${scheme}:`) return false
  if (scheme === 'mailto') return href.length > 'mailto:'.length
  return url.hostname.length > 0
}

/**
 * Turns what a person typed into the link dialog into an allowed address, or null: "example.org"
 * becomes "https://example.org", "name@example.org" becomes a mailto link.
 */
export function normalizeTypedHref(input: string): string | null {
  const text = input.trim()
  if (text === '') return null
  if (isAllowedHref(text)) return text
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(text)) return isAllowedHref(`mailto:${text}`) ? `mailto:${text}` : null
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    const withScheme = `https://${text}`
    return isAllowedHref(withScheme) ? withScheme : null
  }
  return null
}

/** Longest slug we generate or accept; slugs end up in URLs people copy into mails. */
export const SLUG_MAX = 80

/** What a valid slug looks like: lower-case words of a–z and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

// German readers expect "Müller" → "mueller", not "muller" (which the generic NFKD strip gives).
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' }

/** Turns a German name into a URL slug: "Solidarisches Osnabrück" → "solidarisches-osnabrueck". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFC') // so a decomposed "u + ¨" is caught as ü
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => GERMAN[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug.slice(0, SLUG_MAX).replace(/-+$/, '')
}

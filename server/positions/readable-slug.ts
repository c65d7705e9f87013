import { slugify as transliterateSlug } from 'transliteration'
import { slugify } from '../../shared/slug.ts'

/**
 * A slug people can read for any title: German rules first ("Wohnen für alle" →
 * "wohnen-fuer-alle"); a title without Latin letters (Arabic, Cyrillic, Ethiopic …) is
 * transliterated ("Право на житло" → "pravo-na-zhitlo") instead of becoming "position-2".
 */
export function readableSlug(title: string): string {
  const latin = slugify(title)
  if (/[a-z]/.test(latin)) return latin
  const transliterated = slugify(transliterateSlug(title, { lowercase: true, separator: '-' }))
  return transliterated || latin
}

import * as comments from './messages/comments.ts'
import * as editor from './messages/editor.ts'

/**
 * The keys browser scripts translate (web/scripts/*\/messages.ts). The bundles carry German and
 * English; for a pack language the page embeds that pack's words for these keys as JSON
 * (`<script type="application/json" id="interface-words">`, see readScriptWords), so a pack
 * reaches the scripts without a new build.
 */
export const SCRIPT_MESSAGE_KEYS: readonly string[] = [...Object.keys(editor.de), ...Object.keys(comments.de)]

/** The id of the element the layout embeds a pack's script words in. */
export const SCRIPT_WORDS_ID = 'interface-words'

/**
 * A browser script's table for the page's language: German, English, or for a pack language
 * German overlaid with the words the page embedded (`embedded` reads the text of the JSON element;
 * asked only then; a missing element or unreadable JSON leaves German).
 */
export function scriptTable<K extends string>(locale: string | undefined, de: Record<K, string>, en: Record<K, string>, embedded: () => string | null | undefined): Record<K, string> {
  if (locale === 'en') return en
  if (!locale || locale === 'de') return de
  const text = embedded()
  if (!text) return de
  try {
    const words = JSON.parse(text) as unknown
    if (!words || typeof words !== 'object') return de
    const table = { ...de }
    for (const [key, text] of Object.entries(words)) if (key in de && typeof text === 'string') table[key as K] = text
    return table
  } catch {
    return de
  }
}

import type { Locale } from '../../../shared/i18n/index.ts'
import { DEFAULT_TIME_ZONE } from '../../../shared/publishing/result-sentence.ts'

const INTL_LOCALE: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' }

/** "21.11.2026, 11:05" / "21 Nov 2026, 11:05" in the alliance's time zone. */
export function formatDateTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: DEFAULT_TIME_ZONE }).format(ms)
}

import { intlLocale, type Locale } from '../../../shared/i18n/index.ts'
import { DEFAULT_TIME_ZONE } from '../../../shared/publishing/result-sentence.ts'

/**
 * "21.11.2026, 11:05 MEZ" / "21 Nov 2026, 11:05 CET" in the alliance's time zone, named, so a
 * deadline is not misread by someone abroad or on a phone set to another zone.
 */
export function formatDateTime(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    year: 'numeric',
    // German writes a deadline's month as a number; other languages get their short month name.
    month: locale === 'de' ? '2-digit' : 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    timeZone: DEFAULT_TIME_ZONE,
  }).format(ms)
}

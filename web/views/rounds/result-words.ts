import type { Locale } from '../../../shared/i18n/index.ts'
import { participationText as sharedParticipation, publishedResultOfRound, resultSentence as sharedSentence } from '../../../shared/publishing/result-sentence.ts'
import type { Electorate } from '../../../shared/rules/choices.ts'
import type { ShownResult } from '../../../shared/rules/secret-disclosure.ts'
import type { Totals } from '../../../shared/rules/tally.ts'

const INTL: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' }

/** A quorum fraction as "50 %". */
export function quorumText(quorum: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL[locale], { style: 'percent', maximumFractionDigits: 2 }).format(quorum)
}

/** The result of a closed round in the words the public page, PDF and feed use as well. */
export function resultSentence(locale: Locale, result: ShownResult, electorate: Electorate, closedAt: number): string {
  return sharedSentence(publishedResultOfRound(result, electorate, closedAt), locale)
}

/** "Beteiligung: 6 von 7 Initiativen (75 % des Stimmgewichts)": voters counted, share by weight. */
export function participationText(locale: Locale, participation: Totals, electorateSize: Totals, electorate: Electorate): string {
  return sharedParticipation(participation, electorateSize, electorate, locale)
}

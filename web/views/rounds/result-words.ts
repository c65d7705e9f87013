import { intlLocale, type Locale, type Translate } from '../../../shared/i18n/index.ts'
import { participationText as sharedParticipation, publishedResultOfRound, resultSentence as sharedSentence } from '../../../shared/publishing/result-sentence.ts'
import type { Electorate } from '../../../shared/rules/choices.ts'
import type { ShownResult } from '../../../shared/rules/secret-disclosure.ts'
import type { Totals } from '../../../shared/rules/tally.ts'

/** A quorum fraction as "50 %". */
export function quorumText(quorum: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(quorum)
}

/** The result of a closed round in the words the public page, PDF and feed use as well. */
export function resultSentence(t: Translate, result: ShownResult, electorate: Electorate, closedAt: number): string {
  return sharedSentence(publishedResultOfRound(result, electorate, closedAt), t)
}

/** "Beteiligung: 6 von 7 Initiativen (75 % des Stimmgewichts)": voters counted, share by weight. */
export function participationText(t: Translate, participation: Totals, electorateSize: Totals, electorate: Electorate): string {
  return sharedParticipation(participation, electorateSize, electorate, t)
}

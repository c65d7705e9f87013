import type { Locale, MessageKey, Translate } from '../../../shared/i18n/index.ts'
import type { Choice } from '../../../shared/rules/choices.ts'
import type { ShownResult } from '../../../shared/rules/secret-disclosure.ts'
import type { Totals } from '../../../shared/rules/tally.ts'

const INTL: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' }

export function percent(part: number, whole: number, locale: Locale): string {
  const share = whole > 0 ? part / whole : 0
  return new Intl.NumberFormat(INTL[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share)
}

/** A quorum fraction as "50 %". */
export function quorumText(quorum: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL[locale], { style: 'percent', maximumFractionDigits: 2 }).format(quorum)
}

function who(t: Translate, electorate: 'initiatives' | 'members', n: number): string {
  return t(`rounds.who.${electorate}.${n === 1 ? 'one' : 'other'}` as MessageKey)
}

function plural(t: Translate, base: string, n: number): string {
  return t(`${base}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n })
}

/**
 * The result of a round in one sentence, e.g. "Im Konsens beschlossen: 3 von 4 Initiativen
 * haben zugestimmt, davon 1 mit Bedenken". Counts are voters; a vote whose weights differ from
 * its counts adds the weighted numbers, because those decided. A secret round shows only the
 * numbers it may (see secret-disclosure.ts): sometimes counts without weights, sometimes none.
 */
export function resultSentence(t: Translate, locale: Locale, result: ShownResult, electorate: 'initiatives' | 'members'): string {
  const count = (c: Choice) => result.tally?.[c]?.count ?? 0
  const total = result.electorate.count
  if (result.outcome === 'no_quorum') {
    return t('rounds.result.no_quorum', {
      n: result.participation.count,
      total,
      who: who(t, electorate, total),
      quorum: quorumText(result.quorum, locale),
    })
  }
  if (result.kind === 'consent') {
    const consented = count('consent') + count('concern')
    const parts =
      result.outcome === 'adopted'
        ? [t('rounds.result.consent.adopted', { n: consented, total, who: who(t, electorate, total) })]
        : [plural(t, 'rounds.result.consent.rejected', count('objection')), plural(t, 'rounds.result.consents', consented)]
    if (count('concern') > 0) parts.push(plural(t, 'rounds.result.concerns', count('concern')))
    if (count('stand_aside') > 0) parts.push(plural(t, 'rounds.result.stand_asides', count('stand_aside')))
    return parts.join(', ')
  }
  const majority = t(`rounds.majority.${result.majority ?? 'simple'}` as MessageKey)
  if (!result.tally) return t(result.outcome === 'adopted' ? 'rounds.result.vote.adopted_only' : 'rounds.result.vote.rejected_only', { majority })
  const key = result.outcome === 'adopted' ? 'rounds.result.vote.adopted' : 'rounds.result.vote.rejected'
  let sentence = t(key, { majority, yes: count('yes'), no: count('no'), abstain: count('abstain') })
  if (result.disclosure !== 'full') return sentence
  const weight = (c: 'yes' | 'no' | 'abstain') => result.tally?.[c]?.weight ?? 0
  if ((['yes', 'no', 'abstain'] as const).some((c) => weight(c) !== count(c))) {
    sentence += `; ${t('rounds.result.weighted', { yes: weight('yes'), no: weight('no'), abstain: weight('abstain') })}`
  }
  return sentence
}

/** "3 von 4 (75 %)": voters, with the share of the voting weight. */
export function participationText(t: Translate, locale: Locale, participation: Totals, electorate: Totals): string {
  return t('rounds.result.participation', {
    n: participation.count,
    total: electorate.count,
    percent: percent(participation.weight, electorate.weight, locale),
  })
}

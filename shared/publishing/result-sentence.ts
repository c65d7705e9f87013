import { translator, type Locale, type MessageKey } from '../i18n/index.ts'
import type { Choice, Electorate, Majority, RoundKind } from '../rules/choices.ts'
import type { Outcome } from '../rules/outcome.ts'
import type { Disclosure } from '../rules/secret-disclosure.ts'

export type ResultAnswer = Choice

/**
 * The closing result of the round that adopted a position, as copied into the publication.
 * It is a snapshot in our own shape, so public pages never depend on how rounds store theirs.
 */
export interface PublishedResult {
  kind: RoundKind
  /** Only for votes. */
  majority: Majority | null
  electorate: Electorate
  outcome: Outcome
  closedAt: number
  /**
   * Ballots per answer: how many voters, and their summed weight. Missing answers count as 0.
   * A secret round shows only what identifies nobody (`disclosure`): then no weights, or no
   * answers at all (an empty tally).
   */
  tally: Partial<Record<ResultAnswer, { count: number; weight?: number }>>
  /** Absent: everything is shown. */
  disclosure?: Exclude<Disclosure, 'full'>
  /** Everyone who could answer, snapshotted when the round opened. */
  eligible: { count: number; weight: number }
  /** Weight of all ballots cast divided by the electorate's weight, 0..1. */
  participation: number
}

export interface SentenceOptions {
  /** The alliance lives in one place; dates are shown in its time zone, not the server's. */
  timeZone?: string
}

export const DEFAULT_TIME_ZONE = 'Europe/Berlin'

const INTL_LOCALE: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' }

// Building an Intl formatter (above all one with a time zone) costs far more than formatting with
// it, and public pages format several dates per request: keep one per locale and time zone.
// Both keys come from short closed sets (two locales, the configured zone), so the maps stay small.
const longDateFormats = new Map<string, Intl.DateTimeFormat>()
const percentFormats = new Map<Locale, Intl.NumberFormat>()

function longDateFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`
  let format = longDateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone })
    longDateFormats.set(key, format)
  }
  return format
}

/** "3. März 2027" / "3 March 2027" in the alliance's time zone. */
export function formatLongDate(ms: number, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return longDateFormat(locale, timeZone).format(ms)
}

/** "81 %" / "81%". */
export function formatPercent(share: number, locale: Locale): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0))
  let format = percentFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 0 })
    percentFormats.set(locale, format)
  }
  return format.format(clamped)
}

/**
 * The result of a round in one sentence, e.g. "Im Konsens beschlossen am 3. März 2027: 23 von 31
 * Initiativen haben zugestimmt, 2 mit Bedenken, Beteiligung 81 %". Counts are voters (initiatives
 * or members); when weights make the decision differ from the counts, the weights follow.
 */
export function resultSentence(result: PublishedResult, locale: Locale, options: SentenceOptions = {}): string {
  const t = translator(locale)
  const date = formatLongDate(result.closedAt, locale, options.timeZone)
  const who = t(result.electorate === 'members' ? 'publishing.result.who.members' : 'publishing.result.who.initiatives')
  const total = result.eligible.count
  const count = (answer: ResultAnswer) => result.tally[answer]?.count ?? 0
  const weight = (answer: ResultAnswer) => result.tally[answer]?.weight ?? 0
  const plural = (base: string, n: number) => t(`${base}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n, total, who })

  const parts: string[] = []
  let weighted: string[] = []
  if (result.disclosure === 'outcome') {
    // A secret vote whose figures would identify an initiative: the outcome and participation only.
  } else if (result.kind === 'consent') {
    parts.push(plural('publishing.result.consented', count('consent')))
    if (count('concern') > 0) parts.push(t('publishing.result.concern', { n: count('concern') }))
    if (count('stand_aside') > 0) parts.push(plural('publishing.result.stand_aside', count('stand_aside')))
    if (count('objection') > 0) parts.push(plural('publishing.result.objection', count('objection')))
  } else {
    const answers = [
      t('publishing.result.yes', { n: count('yes') }),
      t('publishing.result.no', { n: count('no') }),
      plural('publishing.result.abstain', count('abstain')),
    ]
    const voted = count('yes') + count('no') + count('abstain')
    parts.push(answers.join(', '))
    parts.push(plural('publishing.result.voted', voted))
    if (result.disclosure === undefined && (['yes', 'no', 'abstain'] as const).some((a) => weight(a) !== count(a))) {
      weighted = [
        t('publishing.result.yes', { n: weight('yes') }),
        t('publishing.result.no', { n: weight('no') }),
        plural('publishing.result.abstain', weight('abstain')),
      ]
    }
  }
  parts.push(t('publishing.result.participation', { percent: formatPercent(result.participation, locale) }))

  const head = t(headKey(result), { date })
  const body = result.kind === 'vote' && parts.length > 1 ? `${parts[0]}; ${parts.slice(1).join(', ')}` : parts.join(', ')
  const tail = weighted.length ? `; ${t('publishing.result.weighted', { list: weighted.join(', ') })}` : ''
  return `${head}: ${body}${tail}`
}

function headKey(result: PublishedResult): MessageKey {
  if (result.outcome === 'no_quorum') return 'publishing.result.no_quorum'
  if (result.outcome === 'rejected') return result.kind === 'consent' ? 'publishing.result.rejected.consent' : 'publishing.result.rejected.vote'
  if (result.kind === 'consent') return 'publishing.result.adopted.consent'
  return `publishing.result.adopted.${result.majority ?? 'simple'}`
}

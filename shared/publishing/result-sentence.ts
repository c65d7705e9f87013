import { intlLocale, type Locale, type MessageKey, type Translate } from '../i18n/index.ts'
import type { Choice, Electorate, Majority, RoundKind } from '../rules/choices.ts'
import type { Outcome, RoundResult } from '../rules/outcome.ts'
import type { Disclosure, ShownResult } from '../rules/secret-disclosure.ts'

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
  /**
   * How many answered (not secret, even in a secret round). Absent in publications made before it
   * was kept: then the tally's counts say it.
   */
  answered?: number
  /** How many ballots divided their weight among answers (split votes); absent when none did. */
  splits?: number
}

export interface SentenceOptions {
  /** The alliance lives in one place; dates are shown in its time zone, not the server's. */
  timeZone?: string
}

export const DEFAULT_TIME_ZONE = 'Europe/Berlin'

function longDateFormat(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone })
}

const percentFormat = (locale: Locale) => new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 })

// Building an Intl formatter (above all one with a time zone) costs far more than formatting with
// it, and public pages format several dates per request. For the built-in languages in the
// alliance's zone they are built once, as constants: no cache. A language pack's are built per
// call (slower, never wrong).
const LONG_DATES: Record<string, Intl.DateTimeFormat> = { de: longDateFormat('de', DEFAULT_TIME_ZONE), en: longDateFormat('en', DEFAULT_TIME_ZONE) }
const PERCENTS: Record<string, Intl.NumberFormat> = { de: percentFormat('de'), en: percentFormat('en') }

/** "3. März 2027" / "3 March 2027" in the alliance's time zone. */
export function formatLongDate(ms: number, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return ((timeZone === DEFAULT_TIME_ZONE ? LONG_DATES[locale] : undefined) ?? longDateFormat(locale, timeZone)).format(ms)
}

/** "81 %" / "81%". */
export function formatPercent(share: number, locale: Locale): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0))
  return (PERCENTS[locale] ?? percentFormat(locale)).format(clamped)
}

const PLURAL_RULES: Record<string, Intl.PluralRules> = { de: new Intl.PluralRules('de-DE'), en: new Intl.PluralRules('en-GB') }

/**
 * The message key for `n` things by the language's plural rules: `base.one` or `base.other` in
 * German and English; a pack's language may have more forms (`base.few`, `base.many`…), and a
 * form its pack lacks reads as `base.other` (makeTranslator).
 */
export function pluralKey(base: string, n: number, locale: Locale): MessageKey {
  return `${base}.${(PLURAL_RULES[locale] ?? new Intl.PluralRules(intlLocale(locale))).select(n)}` as MessageKey
}

/** Everyone who answered: the number of voters and the share of the electorate's weight. */
export interface Turnout {
  count: number
  weight: number
}

/**
 * "Beteiligung: 6 von 7 Initiativen (75 % des Stimmgewichts)": the first figure counts voters,
 * the percentage is by vote weight (for members, whose weight is 1 each, simply the share).
 */
export function participationText(
  turnout: Turnout,
  eligible: Turnout,
  electorate: Electorate,
  t: Translate,
): string {
  const locale = t.locale
  const who = t(pluralKey(`publishing.result.who.${electorate}`, eligible.count, locale))
  const share = eligible.weight > 0 ? turnout.weight / eligible.weight : 0
  const key = electorate === 'initiatives' ? 'publishing.result.participation.weighted' : 'publishing.result.participation.plain'
  return t(key, { n: turnout.count, total: eligible.count, who, percent: formatPercent(share, locale) })
}

/** The result of a closed round as publications keep it, built from the round's own result. */
export function publishedResultOfRound(result: RoundResult | ShownResult, electorate: Electorate, closedAt: number): PublishedResult {
  const disclosure = 'disclosure' in result && result.disclosure !== undefined && result.disclosure !== 'full' ? result.disclosure : undefined
  return {
    kind: result.kind,
    majority: result.kind === 'vote' ? result.majority : null,
    electorate,
    outcome: result.outcome,
    closedAt,
    tally: result.tally ?? {},
    ...(disclosure ? { disclosure } : {}),
    eligible: { ...result.electorate },
    participation: result.electorate.weight > 0 ? result.participation.weight / result.electorate.weight : 0,
    answered: result.participation.count,
    ...(result.splits ? { splits: result.splits } : {}),
  }
}

/**
 * The result of a round in words, the same on the round page, the public page, the PDF, the feed
 * and the public API, e.g. "Im Konsens beschlossen am 3. März 2027: 23 von 31 Initiativen haben
 * zugestimmt, davon 2 mit Bedenken. Beteiligung: 25 von 31 Initiativen (81 % des Stimmgewichts)".
 * Counts are voters; when weights make a vote differ from its counts, the weights (which decided)
 * come first, and each list says whether it counts voters or weight.
 */
export function resultSentence(result: PublishedResult, t: Translate, options: SentenceOptions = {}): string {
  const locale = t.locale
  const date = formatLongDate(result.closedAt, locale, options.timeZone)
  const total = result.eligible.count
  const who = t(pluralKey(`publishing.result.who.${result.electorate}`, total, locale))
  const count = (answer: ResultAnswer) => result.tally[answer]?.count ?? 0
  const weight = (answer: ResultAnswer) => result.tally[answer]?.weight ?? 0
  const plural = (base: string, n: number) => t(pluralKey(base, n, locale), { n, total, who })

  const parts: string[] = []
  if (result.disclosure === 'outcome') {
    // A secret vote whose figures would identify an initiative: the outcome and participation only.
  } else if (result.kind === 'consent') {
    // A concern is consent with a concern: it counts among those who consented.
    parts.push(plural('publishing.result.consented', count('consent') + count('concern')))
    if (count('concern') > 0) parts.push(plural('publishing.result.concern', count('concern')))
    if (count('stand_aside') > 0) parts.push(plural('publishing.result.stand_aside', count('stand_aside')))
    if (count('objection') > 0) parts.push(plural('publishing.result.objection', count('objection')))
  } else {
    const list = (n: (a: ResultAnswer) => number) =>
      [t('publishing.result.yes', { n: n('yes') }), t('publishing.result.no', { n: n('no') }), plural('publishing.result.abstain', n('abstain'))].join(', ')
    if (result.disclosure === undefined && (['yes', 'no', 'abstain'] as const).some((a) => weight(a) !== count(a))) {
      parts.push(t('publishing.result.by_weight', { list: list(weight) }))
      parts.push(t('publishing.result.by_count', { list: list(count) }))
    } else parts.push(list(count))
  }
  const turnout = result.answered ?? Object.values(result.tally).reduce((sum, v) => sum + (v?.count ?? 0), 0)
  const participation = participationText(
    { count: turnout, weight: result.participation * result.eligible.weight },
    result.eligible,
    result.electorate,
    t,
  )
  const head = t(headKey(result), { date })
  const body = result.kind === 'vote' && parts.length > 1 ? parts.join('; ') : parts.join(', ')
  // A split vote is said, so that counts per answer adding up to more than the ballots make sense.
  const splits = result.splits ? `. ${t(pluralKey('proxies.result.splits', result.splits, locale), { n: result.splits })}` : ''
  return body ? `${head}: ${body}. ${participation}${splits}` : `${head}. ${participation}${splits}`
}

function headKey(result: PublishedResult): MessageKey {
  if (result.outcome === 'no_quorum') return 'publishing.result.no_quorum'
  if (result.outcome === 'rejected') return result.kind === 'consent' ? 'publishing.result.rejected.consent' : 'publishing.result.rejected.vote'
  if (result.kind === 'consent') return 'publishing.result.adopted.consent'
  return `publishing.result.adopted.${result.majority ?? 'simple'}`
}

import type { MessageKey, Translate } from '../i18n/index.ts'
import { choicesFor, type Choice } from '../rules/choices.ts'
import { formatPercent, type PublishedResult } from './result-sentence.ts'

/** How a segment is told apart besides its colour (WCAG 1.4.1): a fill pattern and a text label. */
export type BarPattern = 'solid' | 'stripes' | 'dots' | 'cross' | 'empty'

export interface BarSegment {
  /** `missing`: the weight of those who did not answer. */
  key: Choice | 'missing'
  label: string
  count: number
  weight: number
  /** Share of the electorate's weight, 0..1. */
  share: number
  /** Every colour has at least 3:1 contrast to white (non-text contrast) and differs in pattern. */
  color: string
  pattern: BarPattern
  /** "Zustimmung: 4 (Stimmgewicht 5, 71 %)" */
  text: string
}

const STYLE: Record<Choice | 'missing', { color: string; pattern: BarPattern }> = {
  consent: { color: '#1d6b2c', pattern: 'solid' },
  yes: { color: '#1d6b2c', pattern: 'solid' },
  concern: { color: '#7a5a00', pattern: 'stripes' },
  stand_aside: { color: '#4f5b6b', pattern: 'dots' },
  abstain: { color: '#4f5b6b', pattern: 'dots' },
  objection: { color: '#a30d0d', pattern: 'cross' },
  no: { color: '#a30d0d', pattern: 'cross' },
  missing: { color: '#6b6b6b', pattern: 'empty' },
}

/**
 * The answers of a closed round by vote weight, as the parts of one bar (also those nobody gave,
 * with share 0, so a legend can list them) followed by the weight of those who did not answer.
 * The same model draws the SVG of the pages and the vector bar of the PDF. Without segments
 * (a secret round that may not show its weights) neither draws anything.
 */
export function resultBar(result: PublishedResult, t: Translate): { segments: BarSegment[]; summary: string } {
  // A secret round whose weights per answer would identify an initiative has no bar to draw.
  if (result.disclosure) return { segments: [], summary: '' }
  const locale = t.locale
  const whole = result.eligible.weight
  const share = (w: number) => (whole > 0 ? Math.min(1, Math.max(0, w / whole)) : 0)
  const segments: BarSegment[] = []
  let answered = { count: 0, weight: 0 }
  for (const choice of choicesFor(result.kind)) {
    const { count = 0, weight = 0 } = result.tally[choice] ?? {}
    answered = { count: answered.count + count, weight: answered.weight + weight }
    segments.push(segment(choice, t(`rounds.choice.${choice}` as MessageKey), count, weight))
  }
  segments.push(
    segment('missing', t('publishing.bar.missing'), Math.max(0, result.eligible.count - answered.count), Math.max(0, whole - answered.weight)),
  )
  function segment(key: Choice | 'missing', label: string, count: number, weight: number): BarSegment {
    const text = t('publishing.bar.segment', { label, n: count, weight, percent: formatPercent(share(weight), locale) })
    return { key, label, count, weight, share: share(weight), ...STYLE[key], text }
  }
  const summary = `${t('publishing.bar.title')}: ${segments.map((s) => s.text).join('; ')}`
  return { segments, summary }
}

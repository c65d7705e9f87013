import { fail } from '../../shared/errors.ts'
import type { PublishedResult } from '../../shared/publishing/result-sentence.ts'
import { ALL_CHOICES } from '../../shared/rules/choices.ts'
import type { RoundResult } from '../../shared/rules/outcome.ts'
import type { ShownResult } from '../../shared/rules/secret-disclosure.ts'
import type { AdoptedVersion } from './adoption.repo.ts'

function totals(value: unknown): { count: number; weight: number } {
  const v = (value ?? {}) as { count?: unknown; weight?: unknown }
  const count = typeof v.count === 'number' && Number.isFinite(v.count) ? v.count : 0
  const weight = typeof v.weight === 'number' && Number.isFinite(v.weight) ? v.weight : 0
  return { count, weight }
}

/** The adopting round's stored result, as stored at close. */
export function adoptedRoundResult(adopted: AdoptedVersion): RoundResult {
  try {
    return JSON.parse(adopted.result) as RoundResult
  } catch {
    fail('internal', 'the stored round result is not JSON')
  }
}

/**
 * The adopting round's result in the shape publications keep, as far as it may be shown (a
 * secret round's figures are cut down to what identifies nobody, see secret-disclosure.ts).
 * Copied at publish time, so the public record stays what it was even if round storage
 * changes shape one day.
 */
export function publishedResultOf(adopted: AdoptedVersion, stored: ShownResult): PublishedResult {
  const tally: PublishedResult['tally'] = {}
  for (const choice of ALL_CHOICES) {
    const t = stored.tally?.[choice]
    if (!t) continue
    const { count, weight } = totals(t)
    tally[choice] = stored.disclosure === 'full' ? { count, weight } : { count }
  }
  const eligible = totals(stored.electorate)
  const cast = totals(stored.participation)
  return {
    kind: adopted.kind,
    majority: adopted.kind === 'vote' ? adopted.majority : null,
    electorate: adopted.electorate,
    outcome: stored.outcome ?? 'adopted',
    closedAt: adopted.closed_at,
    ...(stored.disclosure === 'full' ? {} : { disclosure: stored.disclosure }),
    tally,
    eligible,
    participation: eligible.weight > 0 ? cast.weight / eligible.weight : 0,
    answered: cast.count,
  }
}

import { choicesFor, type Choice, type RoundKind } from './choices.ts'

/**
 * A split vote (geteilte Stimme): an initiative with a weight above 1 divides it among answers
 * in whole numbers, e.g. weight 3 as { yes: 2, abstain: 1 }. Only in rounds opened with
 * `allowSplit`. Parts of 0 are dropped; what is left must add up to the voter's weight exactly.
 */
export type Split = Partial<Record<Choice, number>>

export type SplitProblem = 'not_whole' | 'not_an_answer' | 'wrong_sum'

/**
 * Checks a split against the round's answers and the voter's weight; returns the split without
 * zero parts, in the order the ballot page shows the answers, or the problem.
 */
export function normalizeSplit(kind: RoundKind, split: Readonly<Record<string, number>>, weight: number): { split: Split } | { problem: SplitProblem } {
  const answers = choicesFor(kind) as readonly string[]
  for (const [choice, part] of Object.entries(split)) {
    if (!answers.includes(choice)) return { problem: 'not_an_answer' }
    if (!Number.isSafeInteger(part) || part < 0) return { problem: 'not_whole' }
  }
  const normalized: Split = {}
  let sum = 0
  for (const choice of choicesFor(kind)) {
    const part = split[choice] ?? 0
    if (part > 0) normalized[choice] = part
    sum += part
  }
  if (sum !== weight) return { problem: 'wrong_sum' }
  return { split: normalized }
}

/** The answers a split gives (parts above 0). */
export function splitChoices(split: Split): Choice[] {
  return (Object.keys(split) as Choice[]).filter((c) => (split[c] ?? 0) > 0)
}

/** A split that gives one answer only is no split: the plain answer (else null). */
export function singleChoiceOf(split: Split): Choice | null {
  const choices = splitChoices(split)
  return choices.length === 1 ? (choices[0] ?? null) : null
}

/**
 * The answer stored in the ballot's `choice` column for a split: the largest part (the first in
 * page order on a tie). Readers that know splits read the split; the column stays a valid answer.
 */
export function leadingChoice(split: Split): Choice {
  let best: Choice | null = null
  for (const c of splitChoices(split)) if (best === null || (split[c] ?? 0) > (split[best] ?? 0)) best = c
  if (best === null) throw new Error('an empty split has no answer')
  return best
}

import { choicesFor, type Choice, type RoundKind } from './choices.ts'
import { assertWeight } from './quorum.ts'
import type { Split } from './split.ts'

/** One counted ballot: its answer and the weight of whoever cast it (1 for persons). */
export interface CountedBallot {
  choice: Choice
  weight: number
  /** A split vote (split.ts): the weight divided among answers; then `choice` is ignored. */
  split?: Split | null | undefined
}

export interface Totals {
  count: number
  weight: number
}

export type PerChoice = Partial<Record<Choice, Totals>>

export interface Tally {
  /** Every answer of the round's kind, also those nobody gave (with zeros). */
  perChoice: PerChoice
  /** All ballots cast, whatever their answer. */
  participation: Totals
  /** How many ballots divided their weight among several answers. */
  splits: number
}

/**
 * Counts ballots per answer (number and weight). A choice foreign to the kind is a bug, not a vote.
 * A split ballot adds each part to its answer's weight and counts once for every answer it gives
 * (so the counts per answer may add up to more than the ballots); it counts once, with its whole
 * weight, in the participation.
 */
export function tally(kind: RoundKind, ballots: readonly CountedBallot[]): Tally {
  const perChoice: PerChoice = {}
  for (const choice of choicesFor(kind)) perChoice[choice] = { count: 0, weight: 0 }
  const participation: Totals = { count: 0, weight: 0 }
  let splits = 0
  for (const ballot of ballots) {
    assertWeight(ballot.weight)
    const parts: Array<[Choice, number]> = ballot.split ? (Object.entries(ballot.split) as Array<[Choice, number]>).filter(([, w]) => w > 0) : [[ballot.choice, ballot.weight]]
    if (parts.reduce((sum, [, w]) => sum + w, 0) !== ballot.weight) throw new Error(`a split must add up to the weight ${ballot.weight}`)
    if (parts.length > 1) splits += 1
    for (const [choice, weight] of parts) {
      assertWeight(weight)
      const totals = perChoice[choice]
      if (!totals) throw new Error(`"${choice}" is not an answer of a ${kind} round`)
      totals.count += 1
      totals.weight += weight
    }
    participation.count += 1
    participation.weight += ballot.weight
  }
  return { perChoice, participation, splits }
}

export function totalsOf(perChoice: PerChoice, choice: Choice): Totals {
  return perChoice[choice] ?? { count: 0, weight: 0 }
}

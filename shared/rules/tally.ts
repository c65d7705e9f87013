import { choicesFor, type Choice, type RoundKind } from './choices.ts'
import { assertWeight } from './quorum.ts'

/** One counted ballot: its answer and the weight of whoever cast it (1 for persons). */
export interface CountedBallot {
  choice: Choice
  weight: number
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
}

/** Counts ballots per answer (number and weight). A choice foreign to the kind is a bug, not a vote. */
export function tally(kind: RoundKind, ballots: readonly CountedBallot[]): Tally {
  const perChoice: PerChoice = {}
  for (const choice of choicesFor(kind)) perChoice[choice] = { count: 0, weight: 0 }
  const participation: Totals = { count: 0, weight: 0 }
  for (const ballot of ballots) {
    assertWeight(ballot.weight)
    const totals = perChoice[ballot.choice]
    if (!totals) throw new Error(`"${ballot.choice}" is not an answer of a ${kind} round`)
    totals.count += 1
    totals.weight += ballot.weight
    participation.count += 1
    participation.weight += ballot.weight
  }
  return { perChoice, participation }
}

export function totalsOf(perChoice: PerChoice, choice: Choice): Totals {
  return perChoice[choice] ?? { count: 0, weight: 0 }
}

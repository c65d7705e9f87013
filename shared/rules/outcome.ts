import type { Majority, RoundKind } from './choices.ts'
import { majorityReached } from './majority.ts'
import { basisPointsToQuorum, quorumMet } from './quorum.ts'
import type { Disclosure } from './secret-disclosure.ts'
import { tally, totalsOf, type CountedBallot, type PerChoice, type Totals } from './tally.ts'

export const OUTCOMES = ['adopted', 'rejected', 'no_quorum'] as const
export type Outcome = (typeof OUTCOMES)[number]

export interface RoundRules {
  kind: RoundKind
  /** Only for votes; consent rounds have none. */
  majority: Majority | null
  /** Basis points, see quorum.ts. */
  quorumBp: number
}

/** The frozen result of a round: computed once at close and stored as JSON, never recomputed. */
export interface RoundResult {
  kind: RoundKind
  majority: Majority | null
  /** The quorum as a fraction (0.5 = 50 %). */
  quorum: number
  /** Everybody who could vote, snapshotted at opening. */
  electorate: Totals
  tally: PerChoice
  participation: Totals
  quorumMet: boolean
  outcome: Outcome
  /**
   * Secret rounds: how much of this may be shown (secret-disclosure.ts), decided at close.
   * Absent in open rounds (everything is shown) and in secret rounds closed before it existed.
   */
  disclosure?: Disclosure
  /**
   * How many ballots were split among answers (split.ts); absent when none was (and in rounds
   * closed before splitting existed), so results without splits keep their stored shape.
   */
  splits?: number
}

/** True for a consent round iff no objection stands (a withdrawn objection is simply no longer in the ballots). */
export function consentReached(perChoice: PerChoice): boolean {
  return totalsOf(perChoice, 'objection').count === 0
}

/**
 * The outcome at close: `no_quorum` when the quorum is missed (whatever the answers), else
 * `adopted` when consent (no objection) or the vote's majority is reached, else `rejected`.
 */
export function computeResult(rules: RoundRules, electorate: Totals, ballots: readonly CountedBallot[]): RoundResult {
  const counted = tally(rules.kind, ballots)
  const met = quorumMet(counted.participation.weight, electorate.weight, rules.quorumBp)
  let passed: boolean
  if (rules.kind === 'consent') passed = consentReached(counted.perChoice)
  else {
    if (!rules.majority) throw new Error('a vote needs a majority rule')
    passed = majorityReached(
      rules.majority,
      { yes: totalsOf(counted.perChoice, 'yes').weight, no: totalsOf(counted.perChoice, 'no').weight },
      electorate.weight,
    )
  }
  return {
    kind: rules.kind,
    majority: rules.kind === 'vote' ? rules.majority : null,
    quorum: basisPointsToQuorum(rules.quorumBp),
    electorate: { ...electorate },
    tally: counted.perChoice,
    participation: counted.participation,
    quorumMet: met,
    outcome: !met ? 'no_quorum' : passed ? 'adopted' : 'rejected',
    ...(counted.splits > 0 ? { splits: counted.splits } : {}),
  }
}

import type { Majority } from './choices.ts'
import { assertWeight } from './quorum.ts'

export interface VoteWeights {
  yes: number
  no: number
}

/**
 * Whether a vote's yes side carries the required majority, all in integer arithmetic:
 * - simple: weighted yes > weighted no (abstentions only count toward the quorum);
 * - two_thirds: yes ≥ 2/3 of (yes + no), computed as 3·yes ≥ 2·(yes + no). When nobody said
 *   yes or no the formula degenerates to 0 ≥ 0; a text nobody voted for is not adopted, so
 *   that case is *not* a majority (DESIGN is silent on it);
 * - absolute: yes > 1/2 of the whole electorate's weight, computed as 2·yes > electorate.
 */
export function majorityReached(majority: Majority, votes: VoteWeights, electorateWeight: number): boolean {
  assertWeight(votes.yes)
  assertWeight(votes.no)
  assertWeight(electorateWeight)
  switch (majority) {
    case 'simple':
      return votes.yes > votes.no
    case 'two_thirds':
      return votes.yes + votes.no > 0 && 3 * votes.yes >= 2 * (votes.yes + votes.no)
    case 'absolute':
      return 2 * votes.yes > electorateWeight
  }
}

/**
 * Quorum: the weight of all ballots cast (abstentions and stand-asides included) must be at least
 * `quorum` × the electorate's weight.
 *
 * Float care: the quorum is a fraction (0.5 = 50 %), but 0.55 × 100 is 55.00000000000001 in
 * binary floating point, which would make exactly 55 of 100 miss a 55 % quorum. So the quorum is
 * held as an integer number of basis points (1 bp = 0.01 %, 5000 = 50 %), and the comparison
 * is done on integers: `cast × 10000 ≥ bp × electorate`. Weights are integers, so both sides
 * stay exact as long as they are below 2^53 / 10000 (≈ 9 × 10^11), far beyond any alliance.
 */
export const QUORUM_SCALE = 10_000

/** A fraction 0..1 as whole basis points; finer precision than 0.01 % is rounded away. */
export function quorumToBasisPoints(fraction: number): number {
  if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) throw new RangeError(`quorum must be between 0 and 1, got ${fraction}`)
  return Math.round(fraction * QUORUM_SCALE)
}

export function basisPointsToQuorum(bp: number): number {
  return bp / QUORUM_SCALE
}

export function quorumMet(castWeight: number, electorateWeight: number, quorumBp: number): boolean {
  assertWeight(castWeight)
  assertWeight(electorateWeight)
  if (!Number.isInteger(quorumBp) || quorumBp < 0 || quorumBp > QUORUM_SCALE) throw new RangeError(`quorum must be 0..${QUORUM_SCALE} bp, got ${quorumBp}`)
  return castWeight * QUORUM_SCALE >= quorumBp * electorateWeight
}

/** Weights are whole, non-negative numbers (initiatives.weight is an INTEGER ≥ 0). */
export function assertWeight(weight: number): void {
  if (!Number.isSafeInteger(weight) || weight < 0) throw new RangeError(`a weight must be a whole number ≥ 0, got ${weight}`)
}

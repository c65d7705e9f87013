/** The part of a round the deadline rule looks at. */
export interface RoundTiming {
  status: 'open' | 'closed' | 'cancelled'
  /** ms since epoch. */
  closesAt: number
}

/**
 * A round is closed once it was closed (or cancelled), or once `closesAt` is reached, whether or not a job has
 * stored the close yet. The deadline is exclusive: a ballot at exactly `closesAt` is too late.
 */
export function isClosed(round: RoundTiming, now: number): boolean {
  return round.status !== 'open' || now >= round.closesAt
}

/** Due for an automatic close: still stored as open, but the deadline has passed. */
export function isDue(round: RoundTiming, now: number): boolean {
  return round.status === 'open' && now >= round.closesAt
}

/**
 * A token bucket per connection: `burst` tokens at once, refilled at `perSecond`. One counts
 * messages (generous enough for fast typists: each keystroke is an update plus a caret
 * awareness message), another bytes.
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst
    this.last = now()
  }

  /** Takes `count` tokens (one by default); false when the bucket does not hold that many. */
  take(count = 1): boolean {
    const t = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond)
    this.last = t
    if (this.tokens < count) return false
    this.tokens -= count
    return true
  }
}

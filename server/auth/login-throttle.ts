const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

export interface ThrottleRule {
  /** Failures allowed before any wait. */
  freeFailures: number
  /** Wait after the first failure beyond the free ones; it doubles with each further failure. */
  baseDelayMs: number
  /** The longest wait: an attacker who knows an email can slow its owner down, never lock them out for long. */
  maxDelayMs: number
}

export interface ThrottleOptions {
  account: ThrottleRule
  ip: ThrottleRule
  /** A key without a failure for this long is forgotten (its count starts again at zero). */
  forgetAfterMs: number
  /** Upper bound on remembered keys per kind; the least recently failed are dropped first. */
  maxEntries: number
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  account: { freeFailures: 5, baseDelayMs: 30 * SECOND, maxDelayMs: 15 * MINUTE },
  // Many people may share one address (a shelter's or an office's internet access), so an
  // address gets more free attempts than an account before it has to wait.
  ip: { freeFailures: 20, baseDelayMs: 30 * SECOND, maxDelayMs: 15 * MINUTE },
  forgetAfterMs: 24 * HOUR,
  maxEntries: 10_000,
}

interface Entry {
  failures: number
  lastFailureAt: number
  blockedUntil: number
}

function delayFor(rule: ThrottleRule, failures: number): number {
  const over = failures - rule.freeFailures
  if (over <= 0) return 0
  // 2^20 × base is far beyond any cap; clamping the exponent keeps the number finite.
  return Math.min(rule.baseDelayMs * 2 ** Math.min(over - 1, 20), rule.maxDelayMs)
}

class Counter {
  private readonly entries = new Map<string, Entry>()
  constructor(
    private readonly rule: ThrottleRule,
    private readonly options: ThrottleOptions,
  ) {}

  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key)
    if (entry && now - entry.lastFailureAt >= this.options.forgetAfterMs) {
      this.entries.delete(key)
      return undefined
    }
    return entry
  }

  waitMs(key: string, now: number): number {
    const entry = this.live(key, now)
    return entry ? Math.max(0, entry.blockedUntil - now) : 0
  }

  fail(key: string, now: number): void {
    const entry = this.live(key, now) ?? { failures: 0, lastFailureAt: now, blockedUntil: 0 }
    entry.failures += 1
    entry.lastFailureAt = now
    entry.blockedUntil = now + delayFor(this.rule, entry.failures)
    // Re-inserting keeps the Map ordered by last failure, so the oldest entries come first.
    this.entries.delete(key)
    this.entries.set(key, entry)
    if (this.entries.size > this.options.maxEntries) this.prune(now)
  }

  clear(key: string): void {
    this.entries.delete(key)
  }

  get size(): number {
    return this.entries.size
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && now - entry.lastFailureAt < this.options.forgetAfterMs) break
      this.entries.delete(key)
    }
  }
}

/**
 * Slows down password guessing, per account and per client address, in memory. Each failure
 * beyond a few free ones makes the next attempt wait longer (doubling, capped). A successful
 * login clears the account's count, not the address's: logging into one's own account must not
 * reset an attacker's address. One per app (`deps.throttles.login`).
 */
export class LoginThrottle {
  private readonly accounts: Counter
  private readonly ips: Counter

  constructor(
    private readonly now: () => number,
    options: ThrottleOptions = DEFAULT_THROTTLE,
  ) {
    this.accounts = new Counter(options.account, options)
    this.ips = new Counter(options.ip, options)
  }

  /** How long this attempt must still wait, in ms; 0 means it may go ahead. */
  waitMs(email: string, ip: string): number {
    const now = this.now()
    return Math.max(this.accounts.waitMs(normalizeEmail(email), now), this.ips.waitMs(ip, now))
  }

  recordFailure(email: string, ip: string): void {
    const now = this.now()
    this.accounts.fail(normalizeEmail(email), now)
    this.ips.fail(ip, now)
  }

  recordSuccess(email: string): void {
    this.accounts.clear(normalizeEmail(email))
  }

  /** Remembered keys (accounts, addresses); for tests of the memory bound. */
  get size(): { accounts: number; ips: number } {
    return { accounts: this.accounts.size, ips: this.ips.size }
  }
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

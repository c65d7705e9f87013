import type { Db } from '../../db/connection.ts'
import type { Totals } from '../../shared/rules/tally.ts'
import { LruCache } from '../context/lru-cache.ts'
import { countElectorate } from './electorate.repo.ts'

// Far more than the rounds anybody looks at between two restarts; a bound all the same.
const ROUNDS_KEPT = 10_000

/**
 * The electorate's totals per round, one set per app (`deps.caches.electorateTotals`). The
 * electorate is written once, in the transaction that opens the round, and triggers refuse every
 * later change: its totals never change, and summing a large electorate on every view of the
 * round was slow (docs/BENCHMARKS.md, "Figures behind the code"). Only figures read outside a
 * transaction are kept (inside the opening one they could still grow, or be rolled back).
 */
export class ElectorateTotals {
  readonly #byRound = new LruCache<string, Totals>(ROUNDS_KEPT)

  constructor(private readonly db: Db) {}

  of(roundId: string): Totals {
    const known = this.#byRound.get(roundId)
    if (known) return known
    const totals = countElectorate(this.db, roundId)
    if (!this.db.sqlite.inTransaction && totals.count > 0) this.#byRound.set(roundId, totals)
    return totals
  }

  get size(): number {
    return this.#byRound.size
  }

  clear(): void {
    this.#byRound.clear()
  }
}

import type { Db } from './connection.ts'
import { preparedTransaction } from './query.ts'

/** Something that takes part in one event-loop turn's commit (the sync core, a ballot). */
export interface TurnPart {
  /** Whether it has anything to write this turn; parts that have not are only settled. */
  hasWrites(): boolean
  /** Writes inside the turn's transaction, in a savepoint of its own: when it throws, only its writes are rolled back. */
  write(): void
  /** After the commit, in the order the parts joined: `error` when its writes are not stored. */
  settle(error: unknown): void
}

/**
 * The one per-turn commit of the application (a member of `Deps`): everything that joins in an
 * event-loop turn — ballots, the sync core's editor updates — is written in one SQLite
 * transaction with one commit (one fsync under synchronous=FULL), and each part hears of the
 * outcome only after that commit: nobody answers or relays something a crash could take back.
 *
 * Each part writes in its own savepoint, so one that throws is rolled back and refused alone;
 * when SQLite rolls back the whole transaction (a full disk, I/O) or the commit fails, every
 * part of the turn is refused and nothing of it is stored. Writes must be synchronous.
 */
export class TurnCommit {
  private parts: TurnPart[] = []
  private scheduled = false
  private count = 0
  private readonly savepoint: (part: TurnPart) => void
  private readonly writeAll: (parts: TurnPart[], errors: Map<TurnPart, unknown>) => void

  constructor(
    private readonly db: Db,
    /** Runs `commit` at the end of the turn; injectable for tests. */
    private readonly schedule: (run: () => void) => void = setImmediate,
  ) {
    // Built once: this runs in every turn that has a keystroke or a ballot.
    this.savepoint = preparedTransaction(db, (part: TurnPart) => part.write())
    this.writeAll = preparedTransaction(db, (parts: TurnPart[], errors: Map<TurnPart, unknown>) => {
      for (const part of parts) {
        try {
          this.savepoint(part)
        } catch (error) {
          if (!db.sqlite.inTransaction) throw error
          errors.set(part, error)
        }
      }
    })
  }

  /** How many commits this batcher made (tests and diagnostics). */
  get commits(): number {
    return this.count
  }

  /** Takes part in this turn's commit. */
  join(part: TurnPart): void {
    this.parts.push(part)
    if (this.scheduled) return
    this.scheduled = true
    this.schedule(() => this.commit())
  }

  /**
   * Runs `fn` atomically in this turn's commit and resolves with its value only after the
   * commit (rejects with its error, or with the commit's).
   */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let value: T
      this.join({
        hasWrites: () => true,
        write: () => void (value = fn()),
        settle: (error) => (error === undefined ? resolve(value) : reject(error)),
      })
    })
  }

  /** Commits now what joined so far (the end of the turn does it by itself). */
  commit(): void {
    this.scheduled = false
    const parts = this.parts
    if (parts.length === 0) return
    if (this.db.sqlite.open && this.db.sqlite.inTransaction) {
      // Inside someone's transaction our writes would only be a savepoint of it, and what the
      // parts release after "the commit" could still be rolled back: commit after it instead.
      this.scheduled = true
      this.schedule(() => this.commit())
      return
    }
    this.parts = []
    const errors = new Map<TurnPart, unknown>()
    const writing = parts.filter((part) => part.hasWrites())
    let failed: unknown = undefined
    if (writing.length) {
      if (!this.db.sqlite.open) failed = new Error('the database is closed')
      else {
        try {
          this.writeAll(writing, errors)
          this.count++
        } catch (error) {
          failed = error
        }
      }
    }
    for (const part of parts) part.settle(failed ?? errors.get(part))
  }
}

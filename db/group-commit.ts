import type { Db } from './connection.ts'
import { preparedTransaction } from './query.ts'

interface Pending {
  fn: () => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

const queues = new WeakMap<Db, Pending[]>()
// Built once per database: this runs in every turn that has a ballot.
const commits = new WeakMap<Db, (queue: Pending[], outcomes: Outcome[]) => void>()

function commitFor(db: Db): (queue: Pending[], outcomes: Outcome[]) => void {
  let commit = commits.get(db)
  if (commit) return commit
  const savepoint = preparedTransaction(db, (fn: () => unknown) => fn())
  commit = preparedTransaction(db, (queue: Pending[], outcomes: Outcome[]) => {
    for (const p of queue) {
      try {
        outcomes.push({ ok: true, value: savepoint(p.fn) })
      } catch (error) {
        // Some errors (a full disk, I/O) make SQLite roll back the whole transaction: then
        // nothing of this turn is stored and everybody must hear so.
        if (!db.sqlite.inTransaction) throw error
        outcomes.push({ ok: false, error })
      }
    }
  })
  commits.set(db, commit)
  return commit
}

/**
 * Runs `fn` atomically, committed together with every other `groupCommit` of the same event-loop
 * turn, and resolves only after that commit: a caller that answers after the await never
 * acknowledges something a crash could take back.
 *
 * Why: a commit costs as much as the few statements of a ballot; under load many requests
 * arrive in one turn and share one. Each `fn` runs in its own savepoint, so one that throws is
 * rolled back alone and rejects alone; the others commit. If the commit itself fails, all of
 * them reject and none is stored. `fn` must be synchronous, like `transaction`'s.
 */
export function groupCommit<T>(db: Db, fn: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(db)
    if (!queue) {
      queues.set(db, (queue = []))
      setImmediate(() => flush(db))
    }
    queue.push({ fn, resolve: resolve as (value: unknown) => void, reject })
  })
}

function flush(db: Db): void {
  const queue = queues.get(db) ?? []
  queues.delete(db)
  if (!db.sqlite.open) {
    for (const p of queue) p.reject(new Error('the database is closed'))
    return
  }
  const outcomes: Outcome[] = []
  try {
    commitFor(db)(queue, outcomes)
  } catch (error) {
    for (const p of queue) p.reject(error)
    return
  }
  queue.forEach((p, i) => {
    const outcome = outcomes[i]!
    if (outcome.ok) p.resolve(outcome.value)
    else p.reject(outcome.error)
  })
}

import type BetterSqlite3 from 'better-sqlite3'
import type { Db } from './connection.ts'

interface Marks {
  changes: BetterSqlite3.Statement
  dataVersion: BetterSqlite3.Statement
  version: number
  versionReadAt: number
}

const marks = new WeakMap<BetterSqlite3.Database, Marks>()

/** How long a commit by another process may go unnoticed by `writeMark`. */
export const OTHER_PROCESS_DELAY_MS = 1000

/**
 * A value that changes whenever the database may have changed, so a hot read can be kept in
 * memory without knowing every place that writes: rows written through this connection
 * (`total_changes()`, which only grows, and costs no lock) change it at once; commits by other
 * processes (`data_version`, which has to look at the WAL) within OTHER_PROCESS_DELAY_MS. The
 * server is the only process that writes what such reads show (the CLI's commands do not touch
 * publications), so the delay is a safety net, not the normal path.
 *
 * `now` is a monotonic clock in milliseconds (the tests move it instead of waiting).
 */
export function writeMark(db: Db, now: () => number = () => performance.now()): string {
  let m = marks.get(db.sqlite)
  if (!m) {
    m = {
      changes: db.sqlite.prepare('select total_changes()').pluck(),
      dataVersion: db.sqlite.prepare('pragma data_version').pluck(),
      version: 0,
      versionReadAt: -Infinity,
    }
    marks.set(db.sqlite, m)
  }
  const t = now()
  if (t - m.versionReadAt >= OTHER_PROCESS_DELAY_MS) {
    m.version = m.dataVersion.get() as number
    m.versionReadAt = t
  }
  return `${m.changes.get() as number}:${m.version}`
}

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
 */
export function writeMark(db: Db): string {
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
  const now = performance.now()
  if (now - m.versionReadAt >= OTHER_PROCESS_DELAY_MS) {
    m.version = m.dataVersion.get() as number
    m.versionReadAt = now
  }
  return `${m.changes.get() as number}:${m.version}`
}

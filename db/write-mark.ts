import type { Db } from './connection.ts'

/** How long a commit by another process may go unnoticed by a write mark. */
export const OTHER_PROCESS_DELAY_MS = 1000

/**
 * Returns a function whose value changes whenever the database may have changed, so a hot read
 * can be kept in memory without knowing every place that writes: rows written through this
 * connection (`total_changes()`, which only grows, and costs no lock) change it at once; commits
 * by other processes (`data_version`, which has to look at the WAL) within
 * OTHER_PROCESS_DELAY_MS. The server is the only process that writes what such reads show (the
 * CLI's commands do not touch publications), so the delay is a safety net, not the normal path.
 *
 * The app context builds one per app (`deps.writeMark`). `now` is a monotonic clock in
 * milliseconds (the tests move it instead of waiting).
 */
export function createWriteMark(db: Db, now: () => number = () => performance.now()): () => string {
  const changes = db.sqlite.prepare('select total_changes()').pluck()
  const dataVersion = db.sqlite.prepare('pragma data_version').pluck()
  let version = 0
  let versionReadAt = -Infinity
  return () => {
    const t = now()
    if (t - versionReadAt >= OTHER_PROCESS_DELAY_MS) {
      version = dataVersion.get() as number
      versionReadAt = t
    }
    return `${changes.get() as number}:${version}`
  }
}

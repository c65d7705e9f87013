import type { ErrorCode } from '../../shared/errors.ts'
import type { Logger } from '../log.ts'
import type { LiveDoc } from './live-doc.ts'
import type { SyncStats } from './sync-core-options.ts'

// Worth a log line: everything else on this server waits while one message is handled.
const SLOW_MESSAGE_MS = 250

/** The sync core's counters (see SyncStats) and its measure of how long one message kept the event loop. */
export class SyncMeter {
  readonly counters = { messages: 0, refusedUpdates: 0, takenUpdates: 0, compactions: 0, storedUpdates: 0, commits: 0, slowestMessageMs: 0 }
  readonly closedFor: Partial<Record<ErrorCode, number>> = {}

  constructor(private readonly log: Logger) {}

  /** Notes how long handling one message (or one commit-and-send) took since `started`; logs a slow one. */
  measure(started: number, positionId: string | null, bytes: number): void {
    const took = performance.now() - started
    if (took > this.counters.slowestMessageMs) this.counters.slowestMessageMs = took
    if (took > SLOW_MESSAGE_MS) this.log.warn('sync: slow message', { positionId, ms: Math.round(took), bytes })
  }

  countClose(code: ErrorCode): void {
    this.closedFor[code] = (this.closedFor[code] ?? 0) + 1
  }

  /** The figures of `SyncCore.stats()`, over the loaded drafts. */
  stats(docs: readonly LiveDoc[]): SyncStats {
    let connections = 0
    let takenWaiting = 0
    for (const doc of docs) {
      connections += doc.connectionCount
      takenWaiting += doc.takenCount
    }
    return { documents: docs.length, connections, takenWaiting, ...this.counters, closedFor: { ...this.closedFor } }
  }
}

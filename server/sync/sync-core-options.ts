import type { ErrorCode } from '../../shared/errors.ts'

/** Timer functions, injectable so tests need not wait; the defaults never keep the process alive. */
export interface SyncTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface SyncCoreOptions {
  /** Compact the stored log once it holds more entries than this. */
  compactAfter: number
  /** Unload a document this long after its last connection closed (it is compacted then). */
  unloadAfterMs: number
  /** Updates waiting for missing dependencies beyond this many bytes end the sender's connection. */
  maxPendingBytes: number
  timers: SyncTimers
}

export interface SyncStats {
  documents: number
  connections: number
  messages: number
  storedUpdates: number
  /** SQLite commits of updates: one per event-loop turn that had any. */
  commits: number
  /** Updates from read-only connections, dropped. */
  refusedUpdates: number
  /** Updates stored and relayed as received, applied to the Y.Doc later in a batch (live-doc.ts `take`). */
  takenUpdates: number
  /** Of those, how many the loaded drafts have not applied yet. */
  takenWaiting: number
  /** Connections the core ended, by error code. */
  closedFor: Partial<Record<ErrorCode, number>>
  compactions: number
  /** The longest time one message (or one commit-and-send) kept the event loop busy, in ms. */
  slowestMessageMs: number
}

const defaultTimers: SyncTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export const DEFAULT_SYNC_CORE_OPTIONS: SyncCoreOptions = {
  compactAfter: 500,
  unloadAfterMs: 30_000,
  maxPendingBytes: 16 * 1024,
  timers: defaultTimers,
}

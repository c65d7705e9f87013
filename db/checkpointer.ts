import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Db } from './connection.ts'

export interface Checkpointer {
  /** Settles once the worker has taken over checkpointing, or SQLite's own checkpointing stays (it failed). Never rejects. */
  ready: Promise<void>
  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void>
}

/**
 * Moves SQLite's WAL checkpoints off the event loop. By default the connection that commits
 * runs a checkpoint every 1,000 WAL pages, inside that commit, with fsyncs: a pause of several
 * milliseconds for whoever waited on that turn (in the fan-out benchmark, one such turn delays
 * an edit for every other client). Here the main connection never checkpoints; a worker thread
 * with its own connection does, PASSIVE (never blocking writers or readers).
 *
 * Durability is unchanged: a commit is in the WAL before anyone hears of it, and after a crash
 * SQLite replays the WAL when the database is opened again.
 */
export function startCheckpointer(
  db: Db,
  file: string,
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): Checkpointer {
  let stopping = false
  let exited = false
  // Until `ready` settles, this timer also keeps the process alive for whoever awaits it (the
  // worker itself is unref'd); a worker that never comes up must not keep the server from starting.
  const readyTimeout = setTimeout(() => settle(), 5_000)
  let resolveReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (resolveReady = resolve))
  const settle = () => {
    clearTimeout(readyTimeout)
    resolveReady()
  }
  // Without the worker nobody would checkpoint and the WAL would grow without end: the main
  // connection (re)takes the job whenever the worker is not running.
  const fallBack = (message: string) => {
    if (db.sqlite.open) db.sqlite.pragma('wal_autocheckpoint = 1000')
    options.onError?.(message)
    settle()
  }
  // A new thread (its own V8, better-sqlite3 loaded again) takes noticeable CPU to start: the
  // server awaits `ready` before it listens, so that no early request competes with it.
  const worker = new Worker(fileURLToPath(new URL('./checkpoint-worker.mjs', import.meta.url)), {
    workerData: { file, intervalMs: options.intervalMs ?? 1000 },
  })
  worker.on('message', (message: { type: string; message?: string }) => {
    if (message.type === 'ready') {
      if (db.sqlite.open && !stopping) db.sqlite.pragma('wal_autocheckpoint = 0')
      settle()
    }
    if (message.type === 'error') options.onError?.(message.message ?? '')
  })
  worker.on('error', (error) => fallBack(String(error)))
  worker.on('exit', (code) => {
    exited = true
    if (!stopping) fallBack(`checkpoint worker exited (${code})`)
  })
  // The worker must not keep the process alive on its own.
  worker.unref()
  return {
    ready,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true
        settle()
        if (exited) return resolve()
        worker.once('exit', () => resolve())
        worker.postMessage('stop')
      }),
  }
}

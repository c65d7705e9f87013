import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Logger } from '../log.ts'
import { receivedError, runRenderTask, type RenderResult, type RenderTask, type SentError } from './render-tasks.tsx'

export interface RenderPoolOptions {
  log: Logger
  /** Threads that render; 0 renders everything on the calling thread (nothing is started). */
  workers?: number
  /** A worker nobody asked for anything this long is ended (its modules and fonts are freed). */
  idleMs?: number
  /** After this many workers died or failed to start, renders stay on the main thread. */
  maxFailures?: number
  /** How a worker is started (tests start one that fails). */
  start?: () => Worker
}

interface Pending {
  task: RenderTask
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

interface Slot {
  worker: Worker
  pending: Map<number, Pending>
  idle: NodeJS.Timeout | null
  ended: boolean
}

type Answer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SentError }

/**
 * Starts the render worker. Built (server/dist/), it is the bundle next to the server's entry
 * (or one folder up, when this code sits in a shared chunk). From the TypeScript sources (vitest,
 * `npm run dev`), Node cannot start a worker from a .ts file, so a two-line bootstrap registers
 * tsx in the new thread and imports the source entry.
 */
function startWorker(): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const entry = new URL('./render-worker.ts', import.meta.url).href
    const tsx = import.meta.resolve('tsx/esm/api')
    const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
    return new Worker(boot, { eval: true })
  }
  const file = ['./render-worker.js', '../render-worker.js'].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((f) => existsSync(f))
  if (!file) throw new Error('render-worker.js not found next to the built server')
  return new Worker(file)
}

/**
 * Runs renders in worker threads so that the event loop stays free for everyone else while a
 * large draft, diff or PDF is rendered. Modelled on db/checkpointer.ts: the worker is a
 * performance feature that fails safe. When it cannot start or dies, the renders it held run
 * on the main thread (slower for everyone, never wrong) and this is logged.
 *
 * Workers start on the first render, not at start (an idle server keeps its memory), and end
 * after `idleMs` without work. Tasks go to the slot with the fewest in flight.
 */
export class RenderPool {
  readonly #log: Logger
  readonly #size: number
  readonly #idleMs: number
  readonly #maxFailures: number
  readonly #startWorker: () => Worker
  readonly #slots: Array<Slot | null>
  #nextId = 1
  #failures = 0
  #stopped = false

  constructor(options: RenderPoolOptions) {
    this.#log = options.log
    this.#size = Math.max(0, options.workers ?? 1)
    this.#idleMs = options.idleMs ?? 60_000
    this.#maxFailures = options.maxFailures ?? 3
    this.#startWorker = options.start ?? startWorker
    this.#slots = Array.from({ length: this.#size }, () => null)
  }

  /** True while renders may go to a worker (none configured, stopped or failed too often: false). */
  get usesWorkers(): boolean {
    return this.#size > 0 && !this.#stopped && this.#failures < this.#maxFailures
  }

  /** How many workers are running now. */
  get running(): number {
    return this.#slots.filter((s) => s !== null).length
  }

  run<T extends RenderTask>(task: T): Promise<RenderResult<T>> {
    const slot = this.usesWorkers ? this.#pick() : null
    if (!slot) return runRenderTask(task)
    return new Promise<RenderResult<T>>((resolve, reject) => {
      const id = this.#nextId++
      slot.pending.set(id, { task, resolve: resolve as (value: unknown) => void, reject })
      if (slot.idle) clearTimeout(slot.idle)
      slot.idle = null
      slot.worker.ref()
      slot.worker.postMessage({ id, task })
    })
  }

  /** Ends every worker; renders asked for afterwards run on the calling thread. */
  async stop(): Promise<void> {
    this.#stopped = true
    await Promise.all(this.#slots.map((slot, index) => (slot ? this.#end(index, slot) : undefined)))
  }

  #pick(): Slot | null {
    let best = -1
    for (let i = 0; i < this.#size; i++) {
      const slot = this.#slots[i]
      if (!slot) {
        best = i
        break
      }
      if (best === -1 || slot.pending.size < this.#slots[best]!.pending.size) best = i
    }
    return this.#slots[best] ?? this.#start(best)
  }

  #start(index: number): Slot | null {
    let worker: Worker
    try {
      worker = this.#startWorker()
    } catch (error) {
      this.#failed(String(error))
      return null
    }
    const slot: Slot = { worker, pending: new Map(), idle: null, ended: false }
    this.#slots[index] = slot
    worker.on('message', (answer: Answer) => this.#answer(slot, answer))
    worker.on('error', (error) => this.#lost(index, slot, String(error)))
    worker.on('exit', (code) => this.#lost(index, slot, `render worker exited (${code})`))
    return slot
  }

  #answer(slot: Slot, answer: Answer): void {
    const pending = slot.pending.get(answer.id)
    if (!pending) return
    slot.pending.delete(answer.id)
    if (answer.ok) pending.resolve(answer.result)
    else pending.reject(receivedError(answer.error))
    if (slot.pending.size === 0) {
      // Nothing in flight: the worker must not keep the process alive, and ends when idle.
      slot.worker.unref()
      const index = this.#slots.indexOf(slot)
      slot.idle = setTimeout(() => void this.#end(index, slot), this.#idleMs)
      slot.idle.unref()
    }
  }

  /** The worker died or failed to start: what it held is rendered here instead. */
  #lost(index: number, slot: Slot, message: string): void {
    if (slot.ended) return
    slot.ended = true
    if (this.#slots[index] === slot) this.#slots[index] = null
    if (slot.idle) clearTimeout(slot.idle)
    this.#failed(message)
    for (const pending of slot.pending.values()) runRenderTask(pending.task).then(pending.resolve, pending.reject)
    slot.pending.clear()
  }

  #failed(message: string): void {
    this.#failures++
    const gaveUp = this.#failures >= this.#maxFailures
    this.#log.error('render worker failed; rendering on the main thread', { message, ...(gaveUp ? { from: 'now on' } : {}) })
  }

  async #end(index: number, slot: Slot): Promise<void> {
    if (slot.ended) return
    slot.ended = true
    if (slot.idle) clearTimeout(slot.idle)
    if (this.#slots[index] === slot) this.#slots[index] = null
    // Whatever is still in flight (only at stop) is finished here rather than lost.
    for (const pending of slot.pending.values()) runRenderTask(pending.task).then(pending.resolve, pending.reject)
    slot.pending.clear()
    await slot.worker.terminate()
  }
}

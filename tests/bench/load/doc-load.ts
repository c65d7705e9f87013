import * as Y from 'yjs'
import { caretState, FrameEncoder } from './frames.ts'
import { baseDocument, EDIT_LENGTH, writerEdits } from './edits.ts'
import type { EditLedger } from './ledger.ts'
import { Observer } from './observer.ts'
import { RawClient } from './raw-client.ts'
import { inBatches } from './schedule.ts'
import { waitFor } from '../lib/stats.ts'
import type { SyncServer } from '../servers/sync-servers.ts'

/** A raw writer with its edits and caret moves framed ahead of time. */
export class RawWriter {
  sent = 0
  constructor(
    readonly client: RawClient,
    readonly clientId: number,
    private readonly updates: Uint8Array[],
    private readonly carets: Uint8Array[],
    private readonly ledger: EditLedger,
  ) {}

  get capacity(): number {
    return this.updates.length
  }

  /** Sends the next edit and its caret move; false when the pre-encoded edits are used up. */
  edit(): boolean {
    const k = this.sent
    if (k >= this.updates.length || !this.client.open) return false
    this.ledger.markSent(this.clientId, k, performance.now())
    this.client.send(this.updates[k]!)
    this.client.send(this.carets[k]!)
    this.sent++
    return true
  }

  /**
   * Sends all remaining edits as fast as the connection takes them: a batch at a time, the next
   * batch once the socket flushed the previous one to the kernel (TCP backpressure, no polling).
   */
  flood(batch = 16): Promise<void> {
    return new Promise((resolve) => {
      const pump = () => {
        if (this.sent >= this.updates.length || !this.client.open) return resolve()
        const end = Math.min(this.updates.length, this.sent + batch)
        while (this.sent < end) {
          const k = this.sent
          this.ledger.markSent(this.clientId, k, performance.now())
          this.client.send(this.updates[k]!)
          this.sent++
          if (this.sent === end) this.client.sendThen(this.carets[k]!, pump)
          else this.client.send(this.carets[k]!)
        }
      }
      pump()
    })
  }
}

export interface DocLoadOptions {
  server: SyncServer
  docName: string
  /** Clients on this document, observers included. */
  clients: number
  observers: number
  /** Edits each client may send (pre-encoded for raw writers). */
  editsPerClient: number
  ledger: EditLedger
  /** Index of this document's first client among all clients of the run (picks the person/cookie). */
  firstClient: number
  /** Client ids are clientIdBase + i. */
  clientIdBase: number
}

export interface Convergence {
  converged: boolean
  /** Edits each observer received / edits the others sent, over all observers. */
  delivered: number
  expected: number
  /** Relayed update frames raw writers counted / what they should have got with one frame per edit. */
  rawFrames: number
  rawFramesExpected: number
  detail?: string
}

/**
 * The clients on one document: a few full observers (observer 0 also writes the starting
 * document) and raw writers for the rest. Each client types in its own paragraph.
 */
export class DocLoad {
  readonly observers: Observer[] = []
  readonly writers: RawWriter[] = []
  private verifier: Observer | null = null

  constructor(readonly options: DocLoadOptions) {}

  get clientCount(): number {
    return this.observers.length + this.writers.length
  }

  async connect(connectConcurrency = 16): Promise<void> {
    const o = this.options
    const base = baseDocument(o.clients, o.clientIdBase + 999_999)
    const observerCount = Math.min(o.observers, o.clients)
    for (let i = 0; i < observerCount; i++) {
      const observer = new Observer(o.server.observerEndpoint(o.docName, o.firstClient + i), o.clientIdBase + i, o.ledger)
      o.ledger.register(observer.clientId, o.editsPerClient)
      this.observers.push(observer)
    }
    // Observer 0 brings the starting document; the others must see it before anyone writes.
    Y.applyUpdate(this.observers[0]!.doc, base)
    await this.observers[0]!.connect()
    await Promise.all(this.observers.slice(1).map((observer) => observer.connect()))
    const paragraphs = () => this.observers.every((observer) => observer.doc.getXmlFragment('content').length === o.clients)
    if (!(await waitFor(paragraphs, 10_000))) throw new Error('observers did not receive the starting document')

    const frames = new FrameEncoder(o.server.wire, o.docName)
    const stateVector = Y.encodeStateVectorFromUpdate(base)
    const indices = Array.from({ length: o.clients - observerCount }, (_, w) => observerCount + w)
    await inBatches(indices, connectConcurrency, async (i) => {
      const clientId = o.clientIdBase + i
      const updates = writerEdits(base, i, clientId, o.editsPerClient).map((u) => frames.update(u))
      const carets = updates.map((_, k) => frames.awareness(clientId, k + 1, caretState(`Schreiber*in ${i}`, '#d62728', clientId, (k + 1) * EDIT_LENGTH - 1)))
      const raw = new RawClient(o.server.endpoint(o.docName, o.firstClient + i), frames, stateVector)
      await raw.connect()
      o.ledger.register(clientId, o.editsPerClient)
      this.writers.push(new RawWriter(raw, clientId, updates, carets, o.ledger))
    })
  }

  /** One edit by client `i` (observers first, then raw writers). */
  edit(i: number, paragraphOf = i): void {
    if (i < this.observers.length) {
      if (this.observers[i]!.editsSent < this.options.editsPerClient) this.observers[i]!.edit(paragraphOf)
    } else this.writers[i - this.observers.length]!.edit()
  }

  private sentByOthers(clientId: number): number {
    let total = 0
    for (const id of this.clientIds()) if (id !== clientId) total += this.options.ledger.editsSentBy(id)
    return total
  }

  private clientIds(): number[] {
    return [...this.observers.map((x) => x.clientId), ...this.writers.map((w) => w.clientId)]
  }

  /** Waits until every observer has every edit the others sent (or the timeout passes). */
  async drain(timeoutMs: number): Promise<boolean> {
    return waitFor(() => this.observers.every((x) => x.recorder.delivered >= this.sentByOthers(x.clientId)), timeoutMs, 50)
  }

  /** Compares every observer, and a client that connects afresh, with what was sent. */
  async verify(freshClient: number): Promise<Convergence> {
    const ledger = this.options.ledger
    const expected = new Map(this.clientIds().map((id) => [id, ledger.expectedClock(id)]))
    const problems: string[] = []
    const check = (who: string, sv: Map<number, number>) => {
      for (const [id, clock] of expected) {
        const got = sv.get(id) ?? 0
        if (got !== clock) problems.push(`${who}: client ${id} at ${got}, expected ${clock}`)
      }
    }
    this.observers.forEach((x, i) => check(`observer ${i}`, x.stateVector()))
    this.verifier = new Observer(this.options.server.observerEndpoint(this.options.docName, freshClient), this.options.clientIdBase + 888_888, null)
    await this.verifier.connect(60_000)
    check('fresh client', this.verifier.stateVector())
    const content = this.verifier.content()
    this.observers.forEach((x, i) => {
      if (x.content() !== content) problems.push(`observer ${i} content differs from a fresh client's`)
    })
    let delivered = 0
    let want = 0
    for (const x of this.observers) {
      delivered += x.recorder.delivered
      want += this.sentByOthers(x.clientId)
    }
    let rawFrames = 0
    let rawWant = 0
    for (const w of this.writers) {
      rawFrames += w.client.receivedUpdates
      rawWant += this.sentByOthers(w.clientId)
    }
    return {
      converged: problems.length === 0,
      delivered,
      expected: want,
      rawFrames,
      rawFramesExpected: rawWant,
      ...(problems.length ? { detail: problems.slice(0, 5).join('; ') + (problems.length > 5 ? ` (+${problems.length - 5} more)` : '') } : {}),
    }
  }

  /** Closes the observers (after they brought the starting document) so a flood is not slowed by the harness applying it. */
  async dropObservers(): Promise<void> {
    await Promise.all(this.observers.map((x) => x.close()))
    this.observers.length = 0
  }

  latencies(): number[] {
    return this.observers.flatMap((x) => x.recorder.latencies)
  }

  stopRecording(): void {
    for (const x of this.observers) x.recorder.recording = false
  }

  startRecording(): void {
    for (const x of this.observers) x.recorder.recording = true
  }

  async close(): Promise<void> {
    await Promise.all([...this.observers.map((x) => x.close()), ...this.writers.map((w) => w.client.close()), this.verifier?.close()])
  }
}

import type * as Y from 'yjs'
import { EDIT_LENGTH } from './edits.ts'

/**
 * Send times of every edit, by client id and edit index, shared by all clients of the harness
 * (one process, one clock). Observers find out which edits a remote transaction brought from the
 * transaction's before/after state vectors, so it does not matter whether a server relays each
 * update on its own or merges several into one message.
 */
export class EditLedger {
  private readonly sent = new Map<number, Float64Array>()
  private readonly sentCount = new Map<number, number>()

  register(clientId: number, edits: number): void {
    this.sent.set(clientId, new Float64Array(edits))
    this.sentCount.set(clientId, 0)
  }

  markSent(clientId: number, index: number, at: number): void {
    this.sent.get(clientId)![index] = at
    this.sentCount.set(clientId, index + 1)
  }

  editsSentBy(clientId: number): number {
    return this.sentCount.get(clientId) ?? 0
  }

  totalSent(): number {
    let total = 0
    for (const n of this.sentCount.values()) total += n
    return total
  }

  clients(): number[] {
    return [...this.sent.keys()]
  }

  /** The clock every registered client should have once everything it sent has arrived. */
  expectedClock(clientId: number): number {
    return this.editsSentBy(clientId) * EDIT_LENGTH
  }

  sendTime(clientId: number, index: number): number | undefined {
    const times = this.sent.get(clientId)
    const t = times?.[index]
    return t ? t : undefined
  }
}

/** Receiving side of one observer: latency samples and how many foreign edits arrived. */
export class ArrivalRecorder {
  readonly latencies: number[] = []
  delivered = 0
  /** Samples are only kept while recording (the measured window plus the drain after it). */
  recording = true

  constructor(
    private readonly ledger: EditLedger,
    private readonly ownClientId: number,
  ) {}

  /** Call from `doc.on('afterTransaction')`. */
  onTransaction(tr: Y.Transaction): void {
    if (tr.local) return
    const now = performance.now()
    tr.afterState.forEach((after, client) => {
      if (client === this.ownClientId) return
      const before = tr.beforeState.get(client) ?? 0
      if (after <= before) return
      // Edit i occupies clocks [i*L, (i+1)*L); it is complete once the clock reaches (i+1)*L.
      const first = Math.floor(before / EDIT_LENGTH)
      const last = Math.floor(after / EDIT_LENGTH) - 1
      for (let i = first; i <= last; i++) {
        const sentAt = this.ledger.sendTime(client, i)
        if (sentAt === undefined) continue
        this.delivered++
        if (this.recording) this.latencies.push(now - sentAt)
      }
    })
  }
}

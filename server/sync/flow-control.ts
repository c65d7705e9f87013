import type { SyncTimers } from './sync-core-options.ts'

/** What flow control needs of one connection's socket. */
export interface FlowLink {
  readonly positionId: string
  /** Bytes queued for this receiver: our frames not yet written and the socket's buffer. */
  queuedBytes(): number
  /** Stop / start reading from this socket (ws pause and resume: TCP pushes back on the sender). */
  pause(): void
  resume(): void
  /** Ends the connection: it stayed behind the high-water mark too long (a stalled receiver). */
  drop(): void
}

export interface FlowOptions {
  /** A receiver with more bytes queued than this holds up the reading of its draft's sockets. */
  highWaterBytes: number
  /** A receiver that stays over the mark this long is dropped, and reading goes on. */
  slowReceiverMs: number
  timers: SyncTimers
}

interface DraftFlow {
  links: Set<FlowLink>
  /** Receivers over the high-water mark, with the timer that drops them if they stay there. */
  congested: Map<FlowLink, unknown>
}

/**
 * Read-side backpressure per draft. Every message read from a draft's socket is relayed to all
 * its other connections; when writers send faster than a receiver reads, the relays piled up in
 * memory (five writers took the server from 228 to 856 MB). So while any receiver of a draft
 * has more than `highWaterBytes` queued, no socket of that draft is read: TCP then slows the
 * writers down instead of our heap growing. Reading resumes once every such receiver has
 * drained below the mark, or has been dropped for staying above it `slowReceiverMs` (one
 * stalled phone must not stop a draft's editing for long).
 */
export class FlowControl {
  private readonly drafts = new Map<string, DraftFlow>()

  constructor(private readonly options: FlowOptions) {}

  add(link: FlowLink): void {
    let flow = this.drafts.get(link.positionId)
    if (!flow) this.drafts.set(link.positionId, (flow = { links: new Set(), congested: new Map() }))
    flow.links.add(link)
    if (flow.congested.size > 0) link.pause()
  }

  remove(link: FlowLink): void {
    const flow = this.drafts.get(link.positionId)
    if (!flow || !flow.links.delete(link)) return
    this.clear(flow, link)
    if (flow.links.size === 0) this.drafts.delete(link.positionId)
  }

  /** Frames were queued for `link`: past the mark, its draft's sockets stop being read. */
  queued(link: FlowLink): void {
    const flow = this.drafts.get(link.positionId)
    if (!flow || flow.congested.has(link) || link.queuedBytes() <= this.options.highWaterBytes) return
    const timer = this.options.timers.setTimeout(() => {
      if (!flow.congested.has(link)) return
      this.clear(flow, link)
      link.drop()
    }, this.options.slowReceiverMs)
    flow.congested.set(link, timer)
    if (flow.congested.size === 1) for (const each of flow.links) each.pause()
  }

  /** `link`'s socket wrote out its buffer: below the mark again, it no longer holds its draft up. */
  drained(link: FlowLink): void {
    const flow = this.drafts.get(link.positionId)
    if (flow?.congested.has(link) && link.queuedBytes() <= this.options.highWaterBytes) this.clear(flow, link)
  }

  /** Whether the sockets of a draft are not being read now. */
  isPaused(positionId: string): boolean {
    return (this.drafts.get(positionId)?.congested.size ?? 0) > 0
  }

  private clear(flow: DraftFlow, link: FlowLink): void {
    if (!flow.congested.has(link)) return
    this.options.timers.clearTimeout(flow.congested.get(link))
    flow.congested.delete(link)
    if (flow.congested.size === 0) for (const each of flow.links) each.resume()
  }
}

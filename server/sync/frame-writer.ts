import type { Duplex } from 'node:stream'

// Why this exists: a relay sends the same message to every connection of a draft. Through
// ws.send each receiver got its own frame header, two writes into its socket and a cork per
// tick; the syscall per socket per tick is unavoidable, the rest is not. Here a message is
// framed once for all receivers, and each socket gets one write per tick with everything the
// tick sent it. ws still does the handshake, reading, pings and closing; the server uses no
// per-message compression, so ws writes whole frames synchronously and ours never split one.
// What this still earns is measured in docs/BENCHMARKS.md ("Sync core").

/** A server-to-client binary data frame (RFC 6455 §5.2: FIN, opcode 2, unmasked). */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerLength + length)
  frame[0] = 0x82
  if (length < 126) {
    frame[1] = length
  } else if (length < 65536) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2)
    frame.writeUInt32BE(length >>> 0, 6)
  }
  frame.set(payload, headerLength)
  return frame
}

/**
 * The frame writers of one sync endpoint: frames each message once, and writes the frames
 * every socket got in a tick with one callback at the end of that tick (rather than one
 * scheduled callback per socket: a relay to 50 receivers queued 50).
 */
export class FrameWriters {
  private dirty: FrameWriter[] = []
  // A broadcast asks for the same payload's frame once per receiver, one right after the
  // other: remembering the last one is enough.
  private lastPayload: Uint8Array | null = null
  private lastFrame: Buffer | null = null

  /** The frame of `payload`, built once however many receivers ask for it in a row. */
  frame(payload: Uint8Array): Buffer {
    if (payload !== this.lastPayload) {
      this.lastFrame = binaryFrame(payload)
      this.lastPayload = payload
    }
    return this.lastFrame!
  }

  /** A writer for one socket; `open` is checked when writing: frames for a closing socket are dropped. */
  writer(socket: Duplex, open: () => boolean): FrameWriter {
    return new FrameWriter(socket, open, (writer) => {
      if (this.dirty.length === 0) process.nextTick(this.flushDirty)
      this.dirty.push(writer)
    })
  }

  private readonly flushDirty = (): void => {
    const writers = this.dirty
    this.dirty = []
    // The frame cache only spans one tick's broadcast.
    this.lastPayload = this.lastFrame = null
    for (const writer of writers) writer.flush()
  }
}

/** Collects one socket's frames of this tick and writes them together at the end of it. */
export class FrameWriter {
  private pending: Buffer[] = []
  private pendingBytes = 0
  private scheduled = false

  constructor(
    private readonly socket: Duplex,
    private readonly open: () => boolean,
    private readonly schedule: (writer: FrameWriter) => void,
  ) {}

  /** Bytes waiting in this writer and in the socket: how far behind the receiver is. */
  get queuedBytes(): number {
    return this.pendingBytes + this.socket.writableLength
  }

  queue(frame: Buffer): void {
    this.pending.push(frame)
    this.pendingBytes += frame.length
    if (this.scheduled) return
    this.scheduled = true
    this.schedule(this)
  }

  /** Forgets the frames not yet written (a receiver that is dropped for being too slow). */
  discard(): void {
    this.pending = []
    this.pendingBytes = 0
  }

  /** Writes what is pending now (also before a close frame, so nothing queued is overtaken). */
  flush(): void {
    this.scheduled = false
    const pending = this.pending
    if (pending.length === 0) return
    this.pending = []
    this.pendingBytes = 0
    if (!this.open() || this.socket.destroyed) return
    this.socket.write(pending.length === 1 ? pending[0]! : Buffer.concat(pending))
  }
}

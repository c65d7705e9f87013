import WebSocket from 'ws'
import type { FrameEncoder } from './frames.ts'

export interface Endpoint {
  /** Full websocket URL of the document. */
  url: string
  /** Headers for the upgrade (our server wants a session cookie and its Origin). */
  headers: Record<string, string>
}

/**
 * A writer that speaks the raw protocol: sync step 1 at connect, then pre-framed updates and
 * awareness frames. It never decodes what it receives; it only counts relayed updates by their
 * type bytes. That keeps hundreds of them cheap enough for one core of the load generator.
 */
export class RawClient {
  private socket: WebSocket | null = null
  receivedUpdates = 0
  receivedFrames = 0
  receivedBytes = 0
  closedEarly: { code: number; reason: string } | null = null

  constructor(
    readonly endpoint: Endpoint,
    readonly frames: FrameEncoder,
    /** Encoded state vector sent in sync step 1 (empty for a fresh client). */
    private readonly stateVector: Uint8Array = new Uint8Array([0]),
  ) {}

  /** Resolves once the server answered sync step 1 with step 2: the document is loaded and we are attached. */
  connect(timeoutMs = 15_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.endpoint.url, { headers: this.endpoint.headers, perMessageDeflate: false })
      this.socket = socket
      let synced = false
      const timer = setTimeout(() => {
        reject(new Error(`no sync reply from ${this.endpoint.url} within ${timeoutMs} ms`))
        socket.terminate()
      }, timeoutMs)
      const p = this.frames.prefixLength
      socket.on('open', () => {
        const auth = this.frames.auth()
        if (auth) socket.send(auth)
        socket.send(this.frames.syncStep1(this.stateVector))
      })
      socket.on('message', (data: Buffer) => {
        this.receivedFrames++
        this.receivedBytes += data.length
        if (this.frames.isDocumentUpdate(data)) this.receivedUpdates++
        else if (!synced && data[p] === 0 && data[p + 1] === 1) {
          synced = true
          clearTimeout(timer)
          resolve()
        }
      })
      socket.on('unexpected-response', (_req, res) => {
        clearTimeout(timer)
        reject(new Error(`upgrade refused: HTTP ${res.statusCode}`))
      })
      socket.on('error', (error) => {
        clearTimeout(timer)
        if (!synced) reject(error)
      })
      socket.on('close', (code, reason) => {
        if (synced && this.socket === socket) this.closedEarly ??= { code, reason: reason.toString() }
        if (!synced) {
          clearTimeout(timer)
          reject(new Error(`closed before sync: ${code} ${reason.toString()}`))
        }
      })
    })
  }

  get open(): boolean {
    return this.socket?.readyState === WebSocket.OPEN
  }

  /** Bytes queued in user space that the kernel did not take yet: our backpressure signal. */
  get bufferedAmount(): number {
    return this.socket?.bufferedAmount ?? 0
  }

  /** Stops reading from the socket (a stalled receiver: the server's writes to it pile up). */
  stopReading(): void {
    ;(this.socket as unknown as { _socket?: { pause(): void } } | null)?._socket?.pause()
  }

  send(frame: Uint8Array): void {
    this.socket?.send(frame)
  }

  /** Sends and calls `then` once the frame was handed to the kernel (or the socket failed). */
  sendThen(frame: Uint8Array, then: () => void): void {
    if (!this.socket) return then()
    this.socket.send(frame, () => then())
  }

  close(): Promise<void> {
    const socket = this.socket
    this.socket = null
    if (!socket || socket.readyState === WebSocket.CLOSED) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        socket.terminate()
        resolve()
      }, 2000)
      socket.once('close', () => {
        clearTimeout(timer)
        resolve()
      })
      socket.close()
    })
  }
}

import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { AppError, fail } from '../../shared/errors.ts'
import { SYNC_PATH } from '../../shared/sync/protocol.ts'
import type { Deps } from '../deps.ts'
import { errorStatus } from '../http/error-status.ts'
import type { ServerExtension } from '../http-server.ts'
import { authorizeSyncUpgrade } from './authorize-sync.ts'
import { CLOSE_GOING_AWAY, closeCode } from './close-codes.ts'
import { FlowControl, type FlowLink } from './flow-control.ts'
import { TokenBucket } from './rate-limit.ts'
import type { SyncConnection, SyncPerson, SyncTransport } from './sync-connection.ts'
import { DEFAULT_SYNC_CORE_OPTIONS, SyncCore, type SyncCoreOptions } from './sync-core.ts'

export interface SyncEndpointOptions {
  core: Partial<SyncCoreOptions>
  /** Larger messages close the connection with 1009. */
  maxPayloadBytes: number
  /** Per-connection message rate: a token bucket; exceeding it closes with 1008. */
  ratePerSecond: number
  rateBurst: number
  /**
   * Per-connection bytes received: a token bucket next to the message rate (a few large messages
   * stay under the message rate); exceeding it closes with 1008. The burst takes a paste of the
   * largest message, the rate is far above typing and far below a flood.
   */
  bytesPerSecond: number
  bytesBurst: number
  maxConnectionsPerPerson: number
  /** Sockets that do not answer a ping within this interval are dropped. */
  pingIntervalMs: number
  /** A receiver this far behind (bytes queued for its socket) is closed (1008) instead of buffered forever. */
  maxBufferedBytes: number
  /** While a receiver has more than this queued, the sockets of its draft are not read (flow-control.ts). */
  highWaterBytes: number
  /** A receiver over the high-water mark this long is closed (1008), and reading goes on. */
  slowReceiverMs: number
}

export const DEFAULT_SYNC_ENDPOINT_OPTIONS: SyncEndpointOptions = {
  core: {},
  maxPayloadBytes: 1024 * 1024,
  ratePerSecond: 200,
  rateBurst: 400,
  bytesPerSecond: 128 * 1024,
  bytesBurst: 2 * 1024 * 1024,
  maxConnectionsPerPerson: 20,
  pingIntervalMs: 30_000,
  // Room for a joining client's sync reply of a full draft (MAX_DRAFT_BYTES, also when set higher) and what arrives meanwhile.
  maxBufferedBytes: 4 * 1024 * 1024,
  highWaterBytes: 1024 * 1024,
  slowReceiverMs: 5_000,
}

export interface SyncEndpoint extends ServerExtension {
  readonly core: SyncCore
  readonly flow: FlowControl
}

const ROUTE = new RegExp(`^${SYNC_PATH}/([^/?]+)$`)
const CLOSE_WAIT_MS = 2_000

/**
 * The websocket transport of the sync core at `/sync/:positionId`: authorizes the upgrade
 * before accepting it (Origin, session, position, connection cap), then only forwards socket
 * events to the core and enforces transport limits (message size and rate, dead sockets).
 */
export function createSyncEndpoint(deps: Deps, options: Partial<SyncEndpointOptions> = {}): SyncEndpoint {
  const opts: SyncEndpointOptions = { ...DEFAULT_SYNC_ENDPOINT_OPTIONS, ...options }
  const core = new SyncCore(deps, opts.core)
  const timers = opts.core.timers ?? DEFAULT_SYNC_CORE_OPTIONS.timers
  const flow = new FlowControl({ highWaterBytes: opts.highWaterBytes, slowReceiverMs: opts.slowReceiverMs, timers })
  // No per-message deflate (the default): compressed frames would let a small frame inflate.
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayloadBytes })
  const alive = new WeakMap<WebSocket, boolean>()
  const corked = new WeakSet<Duplex>()
  /**
   * Holds a socket's writes until the current tick ends, so that all messages one turn sends to
   * a connection (the handshake answer, relays, carets, replies) go out in one write instead of
   * one syscall each.
   */
  const corkForThisTick = (socket: Duplex): void => {
    if (corked.has(socket)) return
    corked.add(socket)
    socket.cork()
    process.nextTick(() => {
      corked.delete(socket)
      socket.uncork()
    })
  }
  let attached: Server | null = null
  let pingTimer: ReturnType<typeof setInterval> | null = null
  let closing = false

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const pathname = (req.url ?? '').split('?')[0] ?? ''
    const match = ROUTE.exec(pathname)
    if (!match) {
      // Someone else may handle other paths; if nobody does, don't leave the socket hanging.
      if ((attached?.listenerCount('upgrade') ?? 0) <= 1) refuse(socket, 404)
      return
    }
    socket.on('error', ignore)
    if (closing) return refuse(socket, 503)
    let positionId: string
    let person: SyncPerson
    try {
      positionId = decodeSegment(match[1]!)
      person = authorizeSyncUpgrade(deps, { positionId, origin: req.headers.origin, cookieHeader: req.headers.cookie })
      if (core.connectionCount(person.id) >= opts.maxConnectionsPerPerson) fail('throttled', 'too many connections')
    } catch (error) {
      if (!(error instanceof AppError)) deps.log.error('sync: upgrade failed', { error })
      else if (error.code === 'csrf' || error.code === 'throttled') deps.log.warn('sync: upgrade refused', { code: error.code, message: error.message })
      return refuse(socket, error instanceof AppError ? errorStatus[error.code] : 500)
    }
    // The handshake answer and the first messages leave in one write (syscalls dominate here).
    corkForThisTick(socket)
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, socket, positionId, person))
  }

  const accept = (ws: WebSocket, socket: Duplex, positionId: string, person: SyncPerson): void => {
    if (closing) return ws.close(CLOSE_GOING_AWAY)
    // The cap was checked at the upgrade; this catches a burst of upgrades racing past it.
    if (core.connectionCount(person.id) >= opts.maxConnectionsPerPerson) return ws.close(closeCode('throttled'))
    let conn: SyncConnection | null = null
    const link: FlowLink = {
      positionId,
      queuedBytes: () => ws.bufferedAmount,
      pause: () => ws.pause(),
      resume: () => ws.resume(),
      drop: () => {
        // At once, not when the close handshake ends: a stalled receiver may never answer it.
        flow.remove(link)
        if (conn) core.end(conn, 'throttled', 'receiver too slow')
        else ws.terminate()
      },
    }
    const transport: SyncTransport = {
      send: (message) => {
        if (ws.readyState !== WebSocket.OPEN) return
        if (ws.bufferedAmount > opts.maxBufferedBytes) return link.drop()
        // Everything a turn sends this connection leaves in one write (see corkForThisTick).
        corkForThisTick(socket)
        ws.send(message)
        flow.queued(link)
      },
      close: (reason) => {
        if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(closeCode(reason))
      },
    }
    let opened: SyncConnection
    try {
      opened = conn = core.open(positionId, person, transport)
    } catch (error) {
      if (!(error instanceof AppError)) deps.log.error('sync: open failed', { positionId, error })
      return ws.close(closeCode(error instanceof AppError ? error.code : 'internal'))
    }
    flow.add(link)
    socket.on('drain', () => flow.drained(link))
    alive.set(ws, true)
    const bucket = new TokenBucket(opts.ratePerSecond, opts.rateBurst, deps.now)
    const bytes = new TokenBucket(opts.bytesPerSecond, opts.bytesBurst, deps.now)
    ws.on('message', (data, isBinary) => {
      if (opened.closed) return
      if (!isBinary) return core.end(opened, 'unsupported_media_type', 'text frame')
      if (!bucket.take()) return core.end(opened, 'throttled', 'message rate limit exceeded')
      if (!bytes.take((data as Buffer).byteLength)) return core.end(opened, 'throttled', 'byte rate limit exceeded')
      core.receive(opened, data as Buffer)
    })
    ws.on('pong', () => alive.set(ws, true))
    ws.on('close', () => {
      flow.remove(link)
      core.close(opened)
    })
    ws.on('error', (error: Error & { code?: string }) => {
      // ws has already sent the close frame (1009 for an oversized message); we log and forget.
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') core.end(opened, 'payload_too_large', error.message)
      else if (!opened.closed) core.end(opened, 'validation', error.message)
    })
  }

  return {
    core,
    flow,
    attach(server: Server): void {
      attached = server
      server.on('upgrade', onUpgrade)
      pingTimer = setInterval(() => {
        for (const ws of wss.clients) {
          if (alive.get(ws) === false) {
            ws.terminate()
            continue
          }
          alive.set(ws, false)
          ws.ping()
        }
      }, opts.pingIntervalMs)
      pingTimer.unref()
    },
    async close(): Promise<void> {
      if (closing) return
      closing = true
      if (pingTimer) clearInterval(pingTimer)
      attached?.off('upgrade', onUpgrade)
      core.shutdown()
      await waitForSockets(wss, CLOSE_WAIT_MS)
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    fail('not_found')
  }
}

/** Answers a refused upgrade with a plain HTTP status, before any websocket byte is sent. */
/** Too many connections frees up when one of them closes: a short wait is enough. */
const CONNECTIONS_RETRY_AFTER_SECONDS = 10

function refuse(socket: Duplex, status: number): void {
  const text = STATUS_CODES[status] ?? 'Error'
  const retryAfter = status === 429 ? `Retry-After: ${CONNECTIONS_RETRY_AFTER_SECONDS}\r\n` : ''
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n${retryAfter}Content-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  )
}

/** Gives clients a moment to answer our close frames, then cuts the rest. */
async function waitForSockets(wss: WebSocketServer, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  for (const ws of wss.clients) ws.terminate()
}

function ignore(): void {}

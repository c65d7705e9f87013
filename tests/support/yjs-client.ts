import * as encoding from 'lib0/encoding'
import type * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_UPDATE, readAuthMessage, type DraftAccess, type ReadOnlyReason } from '../../shared/sync/protocol.ts'
import { TEST_ORIGIN } from './test-app.ts'

/**
 * A `ws` WebSocket that sends a session cookie and an Origin, as a browser page of ours would.
 * y-websocket constructs it as `new WS(url, protocols)`.
 */
export function cookieWebSocket(
  cookie: string | undefined,
  origin: string = TEST_ORIGIN,
): new (url: string, protocols?: string | string[]) => WebSocket {
  const headers: Record<string, string> = { origin }
  if (cookie) headers.cookie = cookie
  return class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols ?? [], { headers })
    }
  }
}

export interface DraftClient {
  doc: Y.Doc
  provider: WebsocketProvider
  awareness: Awareness
  /** The last access message from the server (null before the first). */
  access(): DraftAccess | null
  /** Why the last access message said read-only (null when it said read-write, or before the first). */
  accessReason(): ReadOnlyReason | null
  /** Close codes the server sent, in order. */
  closeCodes: number[]
  /** Resolves when the provider is synced with the server. */
  synced(timeoutMs?: number): Promise<void>
  /**
   * Resolves when the server has acknowledged storing everything this client inserted (its
   * "saved" message, shared/sync/protocol.ts): its state vector covers this client's own clock.
   */
  stored(timeoutMs?: number): Promise<void>
  destroy(): void
}

/** The real y-websocket client (no BroadcastChannel) on a draft, logged in with `cookie`. */
export function connectDraft(
  syncUrl: string,
  positionId: string,
  cookie: string | undefined,
  options: { origin?: string; doc?: Y.Doc; maxBackoffTime?: number } = {},
): DraftClient {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(syncUrl, positionId, doc, {
    disableBc: true,
    WebSocketPolyfill: cookieWebSocket(cookie, options.origin) as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: options.maxBackoffTime ?? 300,
  })
  let access: DraftAccess | null = null
  let reason: ReadOnlyReason | null = null
  let storedClock = 0
  const onStored = new Set<() => void>()
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder: encoding.Encoder, decoder: decoding.Decoder) => {
    const message = readAuthMessage(decoder)
    if (message?.type === 'saved') {
      storedClock = Math.max(storedClock, Y.decodeStateVector(message.stateVector).get(doc.clientID) ?? 0)
      for (const listener of onStored) listener()
    }
    if (message?.type !== 'access') return // save acknowledgements leave it as it was
    access = message.access
    reason = message.access === 'read-only' ? message.reason : null
  }
  const closeCodes: number[] = []
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code)
  })
  return {
    doc,
    provider,
    awareness: provider.awareness,
    access: () => access,
    accessReason: () => reason,
    closeCodes,
    synced: (timeoutMs = 5000) => waitFor(() => provider.synced, { timeoutMs, what: 'provider synced' }),
    stored: (timeoutMs = 5000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (storedClock < Y.getState(doc.store, doc.clientID)) return
          finish()
          resolve()
        }
        const timer = setTimeout(() => {
          finish()
          reject(new Error(`the server did not acknowledge storing the edits within ${timeoutMs} ms`))
        }, timeoutMs)
        const finish = () => {
          clearTimeout(timer)
          onStored.delete(check)
        }
        onStored.add(check)
        check()
      }),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Polls until `check` is true; fails with `what` after the timeout. */
export async function waitFor(check: () => boolean, options: { timeoutMs?: number; what?: string } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000)
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? 'a condition'}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Appends a paragraph the way TipTap's Collaboration extension stores one. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment('content')
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  fragment.insert(fragment.length, [paragraph])
}

/** The draft's plain text, one line per top-level block. */
export function draftText(doc: Y.Doc): string {
  return doc
    .getXmlFragment('content')
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : '')).join('') : ''))
    .join('\n')
}

export interface RawSocket {
  ws: WebSocket
  /** Binary messages received so far. */
  messages: Uint8Array[]
  /** Resolves with the close code. */
  closed: Promise<number>
}

/**
 * A plain websocket to `/sync/:positionId`, for protocol-level tests. Resolves when open, or
 * rejects with `{ status }` when the upgrade is refused.
 */
export function openRawSocket(
  syncUrl: string,
  positionId: string,
  headers: { cookie?: string; origin?: string } = {},
): Promise<RawSocket> {
  const h: Record<string, string> = {}
  if (headers.origin !== '') h.origin = headers.origin ?? TEST_ORIGIN
  if (headers.cookie) h.cookie = headers.cookie
  const ws = new WebSocket(`${syncUrl}/${positionId}`, { headers: h })
  const messages: Uint8Array[] = []
  ws.on('message', (data) => messages.push(new Uint8Array(data as Buffer)))
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, messages, closed }))
    ws.on('unexpected-response', (_req, res) => {
      const refusal = { status: res.statusCode, retryAfter: res.headers['retry-after'], receivedMessages: messages.length }
      reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), refusal))
      res.resume()
      ws.terminate()
    })
    ws.on('error', (error) => reject(error))
  })
}

/** A y-websocket awareness message with the given states (null removes). */
export function awarenessFrame(states: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, states.length)
  for (const s of states) {
    encoding.writeVarUint(inner, s.clientId)
    encoding.writeVarUint(inner, s.clock)
    encoding.writeVarString(inner, JSON.stringify(s.state))
  }
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

/** A sync "update" message carrying a (V1) Yjs update. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, SYNC_UPDATE)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

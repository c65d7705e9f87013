import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { caretState, FrameEncoder, type WireFormat } from './frames.ts'
import { EDIT_LENGTH, editText, paragraphText, FRAGMENT } from './edits.ts'
import { ArrivalRecorder, type EditLedger } from './ledger.ts'

export interface ObserverEndpoint {
  wire: WireFormat
  /** y-websocket: the URL the room name is appended to; Hocuspocus: the server URL. */
  serverUrl: string
  docName: string
  headers: Record<string, string>
}

/**
 * A `ws` WebSocket that sends our headers at the upgrade (browsers send cookie and Origin
 * themselves) and shows us every frame before the provider handles it (our listener is added
 * before the provider sets `onmessage`, so it runs first).
 */
function instrumentedWebSocket(headers: Record<string, string>, onFrame: (data: Buffer | ArrayBuffer) => void): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers, perMessageDeflate: false })
      this.on('message', onFrame)
    }
  } as typeof WebSocket
}

/**
 * A client with a full Y.Doc, as a browser has: the real y-websocket provider (for our server and
 * the reference server) or the Hocuspocus provider. Observers measure latency; there are only a
 * few of them because applying every update costs the load generator CPU.
 */
export class Observer {
  readonly doc = new Y.Doc()
  readonly recorder: ArrivalRecorder
  private provider: WebsocketProvider | HocuspocusProvider | null = null
  private socketProvider: HocuspocusProviderWebsocket | null = null
  private editIndex = 0
  /** When the server's answer to sync step 1 (step 2) arrived, before the provider applied it. */
  replyAt = 0

  constructor(
    readonly endpoint: ObserverEndpoint,
    readonly clientId: number,
    readonly ledger: EditLedger | null,
    readonly name = `Beobachter ${clientId}`,
  ) {
    this.doc.clientID = clientId
    this.recorder = new ArrivalRecorder(ledger ?? dummyLedger(), clientId)
    this.doc.on('afterTransaction', (tr: Y.Transaction) => this.recorder.onTransaction(tr))
  }

  get awareness(): Awareness {
    return this.provider!.awareness!
  }

  /** Connects and resolves once the first sync round trip is complete. */
  connect(timeoutMs = 20_000): Promise<void> {
    const { wire, serverUrl, docName, headers } = this.endpoint
    const prefix = new FrameEncoder(wire, docName).prefixLength
    const onFrame = (data: Buffer | ArrayBuffer) => {
      if (this.replyAt !== 0) return
      // The providers set binaryType 'arraybuffer'.
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data, 0, Math.min(data.byteLength, prefix + 2)) : data
      if (bytes[prefix] === 0 && bytes[prefix + 1] === 1) this.replyAt = performance.now()
    }
    return new Promise((resolve, reject) => {
      let settled = false
      const timer = setTimeout(() => fail(new Error(`observer ${this.clientId} not synced within ${timeoutMs} ms (${serverUrl} ${docName})`)), timeoutMs)
      const done = () => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve()
      }
      const fail = (error: Error) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        reject(error)
      }
      if (wire === 'hocuspocus') {
        this.socketProvider = new HocuspocusProviderWebsocket({ url: serverUrl, WebSocketPolyfill: instrumentedWebSocket({}, onFrame) })
        const provider = new HocuspocusProvider({ websocketProvider: this.socketProvider, name: docName, document: this.doc, token: '' })
        this.provider = provider
        provider.on('synced', () => done())
        provider.attach()
      } else {
        const provider = new WebsocketProvider(serverUrl, docName, this.doc, {
          WebSocketPolyfill: instrumentedWebSocket(headers, onFrame) as never,
          disableBc: true,
        })
        this.provider = provider
        provider.on('sync', (synced: boolean) => {
          if (synced) done()
        })
        // Only while connecting: a refused upgrade would otherwise be retried forever. Later
        // closes are the provider's business (it reconnects), and destroy() emits this event too.
        provider.on('connection-close', (event) => {
          if (settled) return
          fail(new Error(`observer ${this.clientId} refused or closed before sync: ${event?.code ?? ''} ${event?.reason ?? ''}`))
          setImmediate(() => provider.destroy())
        })
      }
    })
  }

  /** Types EDIT_LENGTH characters at the end of its paragraph and moves its caret, as TipTap would. */
  edit(paragraph: number): void {
    const i = this.editIndex++
    const text = paragraphText(this.doc, paragraph)
    this.ledger?.markSent(this.clientId, i, performance.now())
    text.insert(text.length, editText(i))
    this.awareness.setLocalState(caretState(this.name, '#1f77b4', this.clientId, (i + 1) * EDIT_LENGTH - 1))
  }

  get editsSent(): number {
    return this.editIndex
  }

  stateVector(): Map<number, number> {
    return Y.decodeStateVector(Y.encodeStateVector(this.doc))
  }

  /** The document as text, for comparing clients. */
  content(): string {
    return this.doc.getXmlFragment(FRAGMENT).toString()
  }

  async close(): Promise<void> {
    if (this.provider instanceof HocuspocusProvider) {
      this.provider.destroy()
      this.socketProvider?.destroy()
    } else this.provider?.destroy()
    this.provider = null
  }
}

function dummyLedger(): EditLedger {
  return { sendTime: () => undefined } as unknown as EditLedger
}

import * as encoding from 'lib0/encoding'

/**
 * The two wire formats under test. Both carry y-protocols sync and awareness messages; Hocuspocus
 * prefixes every frame with the document name (it multiplexes documents over one socket) and
 * wants an authentication message before anything else.
 */
export type WireFormat = 'y-websocket' | 'hocuspocus'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_AUTH = 2 // Hocuspocus only
const SYNC_STEP_1 = 0
const SYNC_UPDATE = 2
const AUTH_TOKEN = 0

/** Builds complete frames for one document, ready to hand to `ws.send`. */
export class FrameEncoder {
  /** Bytes before the y-protocols message type (the document name for Hocuspocus). */
  readonly prefixLength: number

  constructor(
    readonly wire: WireFormat,
    readonly docName: string,
  ) {
    this.prefixLength = wire === 'hocuspocus' ? encoding.length(this.start()) : 0
  }

  private start(): encoding.Encoder {
    const encoder = encoding.createEncoder()
    if (this.wire === 'hocuspocus') encoding.writeVarString(encoder, this.docName)
    return encoder
  }

  /** Hocuspocus needs this first (empty token: the peer runs without onAuthenticate). Null for y-websocket. */
  auth(): Uint8Array | null {
    if (this.wire !== 'hocuspocus') return null
    const encoder = this.start()
    encoding.writeVarUint(encoder, MESSAGE_AUTH)
    encoding.writeVarUint(encoder, AUTH_TOKEN)
    encoding.writeVarString(encoder, '')
    return encoding.toUint8Array(encoder)
  }

  syncStep1(encodedStateVector: Uint8Array): Uint8Array {
    const encoder = this.start()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, SYNC_STEP_1)
    encoding.writeVarUint8Array(encoder, encodedStateVector)
    return encoding.toUint8Array(encoder)
  }

  update(update: Uint8Array): Uint8Array {
    const encoder = this.start()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, SYNC_UPDATE)
    encoding.writeVarUint8Array(encoder, update)
    return encoding.toUint8Array(encoder)
  }

  /** One awareness entry, as y-protocols' encodeAwarenessUpdate writes it for a single client. */
  awareness(clientId: number, clock: number, state: unknown): Uint8Array {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, JSON.stringify(state))
    const encoder = this.start()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
    return encoding.toUint8Array(encoder)
  }

  /**
   * True when a received frame is a relayed document update, judged from its first two type
   * bytes only: raw clients count what they receive but never decode it.
   */
  isDocumentUpdate(frame: Uint8Array): boolean {
    const p = this.prefixLength
    return frame[p] === MESSAGE_SYNC && frame[p + 1] === SYNC_UPDATE
  }
}

/** The awareness state a TipTap caret publishes: who, and where the selection is (relative positions). */
export function caretState(name: string, color: string, clientId: number, clock: number): Record<string, unknown> {
  const position = { type: null, tname: null, item: { client: clientId, clock }, assoc: 0 }
  return { user: { name, color }, cursor: { anchor: position, head: position } }
}

import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** Base path of the sync endpoint: the browser connects `new WebsocketProvider(<origin>/sync, positionId, doc)`. */
export const SYNC_PATH = '/sync'

// Outer message types of the y-websocket protocol (as the y-websocket client numbers them).
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

// Sub-types of MESSAGE_SYNC (y-protocols/sync).
export const SYNC_STEP_1 = 0
export const SYNC_STEP_2 = 1
export const SYNC_UPDATE = 2

/**
 * Access messages ride on MESSAGE_AUTH so that stock y-websocket clients stay compatible:
 * sub-type 0 is y-protocols' "permission denied" (a stock client logs the reason), sub-type 1
 * ("may write") is ignored by stock clients. The server sends one after connecting and again
 * whenever the draft becomes read-only or editable; our editor listens to switch its state.
 */
export const AUTH_PERMISSION_DENIED = 0
export const AUTH_READ_WRITE = 1
export const READ_ONLY_REASON = 'read-only'

export type DraftAccess = 'read-only' | 'read-write'

export function encodeAccessMessage(access: DraftAccess): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  if (access === 'read-only') {
    encoding.writeVarUint(encoder, AUTH_PERMISSION_DENIED)
    encoding.writeVarString(encoder, READ_ONLY_REASON)
  } else {
    encoding.writeVarUint(encoder, AUTH_READ_WRITE)
  }
  return encoding.toUint8Array(encoder)
}

/**
 * Reads the body of a MESSAGE_AUTH message (the outer type already consumed), e.g. inside a
 * y-websocket `provider.messageHandlers[MESSAGE_AUTH]` replacement. Null for anything else.
 */
export function readAccessMessage(decoder: decoding.Decoder): DraftAccess | null {
  const sub = decoding.readVarUint(decoder)
  if (sub === AUTH_READ_WRITE) return 'read-write'
  if (sub === AUTH_PERMISSION_DENIED) return 'read-only'
  return null
}

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

/**
 * Why a connection may only read, the text of the "permission denied" message: `read-only` (by
 * role, or the draft is locked while a round runs; the page knows which), `rights-removed` (the
 * person's right to write was taken away while connected: left the working group, lost a role),
 * `draft-too-large` (the draft reached its size limit; the last edit was refused).
 */
export type ReadOnlyReason = 'read-only' | 'rights-removed' | 'draft-too-large'
export const READ_ONLY_REASON: ReadOnlyReason = 'read-only'
const READ_ONLY_REASONS: readonly string[] = ['read-only', 'rights-removed', 'draft-too-large'] satisfies ReadOnlyReason[]

/**
 * Sub-type 2, "saved": the server's acknowledgement, sent to one connection after the SQLite
 * commit that stored updates it sent (once per commit). Body: an encoded state vector
 * (varUint8Array) with the draft's entries after that commit for the client ids this connection
 * wrote under (its latest 16; a client ever asks only about its own), then how many
 * update-carrying messages (sync step 2 and update) the server had received on this connection
 * by then (varUint), refused ones included. The state vector says which inserts are stored; the
 * count also covers deletions, which a state vector cannot show (deleting adds no struct).
 * Stock y-websocket clients ignore this sub-type.
 */
export const AUTH_SAVED = 2

export interface SavedAck {
  stateVector: Uint8Array
  /** Update-carrying messages received on this connection up to this acknowledgement. */
  updates: number
}

export type DraftAccess = 'read-only' | 'read-write'

export function encodeAccessMessage(access: DraftAccess, reason: ReadOnlyReason = READ_ONLY_REASON): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  if (access === 'read-only') {
    encoding.writeVarUint(encoder, AUTH_PERMISSION_DENIED)
    encoding.writeVarString(encoder, reason)
  } else {
    encoding.writeVarUint(encoder, AUTH_READ_WRITE)
  }
  return encoding.toUint8Array(encoder)
}

export function encodeSavedMessage(ack: SavedAck): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  encoding.writeVarUint(encoder, AUTH_SAVED)
  encoding.writeVarUint8Array(encoder, ack.stateVector)
  encoding.writeVarUint(encoder, ack.updates)
  return encoding.toUint8Array(encoder)
}

export type AuthMessage =
  | { type: 'access'; access: 'read-write' }
  | { type: 'access'; access: 'read-only'; reason: ReadOnlyReason }
  | ({ type: 'saved' } & SavedAck)

/**
 * Reads the body of a MESSAGE_AUTH message (the outer type already consumed), e.g. inside a
 * y-websocket `provider.messageHandlers[MESSAGE_AUTH]` replacement. Null for an unknown sub-type.
 */
export function readAuthMessage(decoder: decoding.Decoder): AuthMessage | null {
  const sub = decoding.readVarUint(decoder)
  if (sub === AUTH_READ_WRITE) return { type: 'access', access: 'read-write' }
  if (sub === AUTH_PERMISSION_DENIED) {
    const text = decoding.hasContent(decoder) ? decoding.readVarString(decoder) : READ_ONLY_REASON
    const reason = READ_ONLY_REASONS.includes(text) ? (text as ReadOnlyReason) : READ_ONLY_REASON
    return { type: 'access', access: 'read-only', reason }
  }
  if (sub === AUTH_SAVED) {
    const stateVector = decoding.readVarUint8Array(decoder)
    return { type: 'saved', stateVector, updates: decoding.readVarUint(decoder) }
  }
  return null
}

/** Like readAuthMessage, for callers that only follow access changes: null for anything else. */
export function readAccessMessage(decoder: decoding.Decoder): DraftAccess | null {
  const message = readAuthMessage(decoder)
  return message?.type === 'access' ? message.access : null
}

/**
 * Whether an outgoing frame carries document updates (sync step 2 or update): the messages the
 * server counts for AUTH_SAVED. Both type bytes are single-byte varUints.
 */
export function isUpdateMessage(frame: Uint8Array): boolean {
  return frame.length > 1 && frame[0] === MESSAGE_SYNC && (frame[1] === SYNC_STEP_2 || frame[1] === SYNC_UPDATE)
}

import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { fail } from '../../shared/errors.ts'
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from '../../shared/sync/protocol.ts'

/** One client message, decoded but not yet trusted (payloads are still raw bytes). */
export type ClientMessage =
  | { type: 'step1'; stateVector: Uint8Array }
  | { type: 'step2' | 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' }

/** Splits a frame into its message; throws AppError('validation') for anything malformed. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE_SYNC: {
        const sub = decoding.readVarUint(decoder)
        const payload = readPayload(decoder)
        if (sub === SYNC_STEP_1) return { type: 'step1', stateVector: payload }
        if (sub === SYNC_STEP_2) return { type: 'step2', update: payload }
        if (sub === SYNC_UPDATE) return { type: 'update', update: payload }
        break
      }
      case MESSAGE_AWARENESS:
        return { type: 'awareness', update: readPayload(decoder) }
      case MESSAGE_QUERY_AWARENESS:
        return { type: 'query-awareness' }
      case MESSAGE_AUTH:
        return { type: 'auth' }
    }
  } catch {
    // lib0 throws plain errors on truncated input; the caller only needs to know it was malformed
  }
  fail('validation', 'malformed sync message')
}

/**
 * lib0's readVarUint8Array returns a view that may reach past the frame (into whatever shares its
 * ArrayBuffer, e.g. a socket's buffer pool): we refuse a length beyond the frame and copy the
 * payload into its own buffer, so Yjs reading past its end finds nothing but the end.
 */
function readPayload(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder)
  if (length > decoder.arr.length - decoder.pos) throw new Error('length beyond frame')
  return decoding.readUint8Array(decoder, length).slice()
}

/** Sync step 1: our state vector, so the other side sends what we lack. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SYNC_STEP_1, stateVector)
}

/** Sync step 2: the (V1) update that brings the other side up to date. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_STEP_2, update)
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_UPDATE, update)
}

function encodeSync(sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, sub)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

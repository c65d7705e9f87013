import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { AwarenessRelay } from '../../../server/sync/awareness-relay.ts'
import { awarenessFrame } from '../../support/yjs-client.ts'

const anna = { id: 'p-anna', name: 'Anna', color: '#1f77b4' }

/** The payload of an awareness message (what AwarenessRelay.receive takes). */
function payload(states: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const decoder = decoding.createDecoder(awarenessFrame(states))
  decoding.readVarUint(decoder)
  return decoding.readVarUint8Array(decoder)
}

/** The JSON strings of a relayed awareness message, by client id. */
function relayedJson(message: Uint8Array): Map<number, string> {
  const decoder = decoding.createDecoder(message)
  decoding.readVarUint(decoder)
  const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const out = new Map<number, string>()
  for (let n = decoding.readVarUint(inner); n > 0; n--) {
    const clientId = decoding.readVarUint(inner)
    decoding.readVarUint(inner)
    out.set(clientId, decoding.readVarString(inner))
  }
  return out
}

describe('AwarenessRelay', () => {
  it('stamps a state with the connection’s person, whatever user it claims', () => {
    const relay = new AwarenessRelay<object>()
    const message = relay.receive({}, payload([{ clientId: 1, clock: 1, state: { user: { id: 'p-ben', name: 'Ben', color: '#000' }, cursor: 5 } }]), anna)
    expect(JSON.parse(relayedJson(message!).get(1)!)).toEqual({ user: anna, cursor: 5 })
  })

  it('passes a state on as received when it already carries exactly that person', () => {
    const relay = new AwarenessRelay<object>()
    // Spaced and ordered as no JSON.stringify would write it: only passing it on keeps it so.
    const json = '{"cursor":{"anchor":3},  "user":{"id":"p-anna","name":"Anna","color":"#1f77b4"}}'
    const bytes = new TextEncoder().encode(json)
    const raw = new Uint8Array([1, 1, 1, bytes.length, ...bytes]) // one state: client 1, clock 1
    expect(relayedJson(relay.receive({}, raw, anna)!).get(1)).toBe(json)
  })

  it('re-stamps a state whose user has anything more than that person', () => {
    const relay = new AwarenessRelay<object>()
    const claimed = { user: { ...anna, admin: true }, cursor: 1 }
    const message = relay.receive({}, payload([{ clientId: 1, clock: 1, state: claimed }]), anna)
    expect(JSON.parse(relayedJson(message!).get(1)!)).toEqual({ user: anna, cursor: 1 })
  })
})

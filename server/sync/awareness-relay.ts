import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { fail } from '../../shared/errors.ts'
import { MESSAGE_AWARENESS } from '../../shared/sync/protocol.ts'

/** Who a connection's awareness states are stamped with: nobody can appear as someone else. */
export interface AwarenessUser {
  id: string
  name: string
  color: string
}

/** An awareness state as it travels: y-protocols' (clientID, clock, JSON) triple. */
interface Entry {
  clientId: number
  clock: number
  json: string
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

// A caret state is a few hundred bytes; anything far beyond is not a caret.
const MAX_STATE_BYTES = 16 * 1024
// One y-websocket client uses one client id per document; a few more allow for a changed id.
const MAX_CLIENT_IDS_PER_OWNER = 8

/**
 * The awareness states of one document, kept as stamped JSON strings (no Y.Doc, no timers).
 * `Owner` is whatever identifies a connection; each client id belongs to the first connection
 * that used it, and states for it from any other connection are dropped.
 */
export class AwarenessRelay<Owner extends object> {
  private readonly states = new Map<number, Entry>()
  private readonly owners = new Map<number, Owner>()
  private readonly owned = new Map<Owner, Set<number>>()

  /**
   * Applies one awareness update from `owner` and returns the message to send to every
   * connection of the document (the sender included: y-websocket clients count that echo as
   * a sign of life), or null when nothing changed. Throws AppError('validation') if malformed.
   */
  receive(owner: Owner, update: Uint8Array, user: AwarenessUser): Uint8Array | null {
    const accepted: Entry[] = []
    for (const { entry, state } of decodeAwarenessUpdate(update)) {
      if (!this.claim(owner, entry.clientId)) continue
      const current = this.states.get(entry.clientId)
      if (state === null) {
        // y-protocols: a removal wins over a state of the same clock
        if (current && entry.clock >= current.clock) {
          this.states.delete(entry.clientId)
          accepted.push({ clientId: entry.clientId, clock: entry.clock, json: 'null' })
        }
        continue
      }
      if (typeof state !== 'object' || Array.isArray(state)) continue
      if (current && entry.clock <= current.clock) continue
      // Our editor publishes the very user we stamp: then the state goes on as received.
      const json = isUser((state as { user?: unknown }).user, user) ? entry.json : JSON.stringify({ ...state, user })
      if (json.length > MAX_STATE_BYTES) continue
      const stamped = { clientId: entry.clientId, clock: entry.clock, json }
      this.states.set(entry.clientId, stamped)
      accepted.push(stamped)
    }
    return accepted.length ? encodeAwarenessMessage(accepted) : null
  }

  /** Everything known, for a connection that just joined or asked. Null when there is nothing. */
  snapshot(): Uint8Array | null {
    return this.states.size ? encodeAwarenessMessage([...this.states.values()]) : null
  }

  /** Forgets a closed connection; returns the removal message for the others, or null. */
  remove(owner: Owner): Uint8Array | null {
    const ids = this.owned.get(owner)
    if (!ids) return null
    this.owned.delete(owner)
    const removed: Entry[] = []
    for (const clientId of ids) {
      this.owners.delete(clientId)
      const current = this.states.get(clientId)
      if (!current) continue
      this.states.delete(clientId)
      removed.push({ clientId, clock: current.clock + 1, json: 'null' })
    }
    return removed.length ? encodeAwarenessMessage(removed) : null
  }

  private claim(owner: Owner, clientId: number): boolean {
    const existing = this.owners.get(clientId)
    if (existing) return existing === owner
    let ids = this.owned.get(owner)
    if (!ids) this.owned.set(owner, (ids = new Set()))
    if (ids.size >= MAX_CLIENT_IDS_PER_OWNER) return false
    ids.add(clientId)
    this.owners.set(clientId, owner)
    return true
  }
}

/** Whether `claimed` is exactly `user`: the same three strings and nothing else. */
function isUser(claimed: unknown, user: AwarenessUser): boolean {
  if (typeof claimed !== 'object' || claimed === null) return false
  const c = claimed as Record<string, unknown>
  return c.id === user.id && c.name === user.name && c.color === user.color && Object.keys(c).length === 3
}

/** Decodes and parses the whole update before anything is applied, so a bad one changes nothing. */
function decodeAwarenessUpdate(update: Uint8Array): Array<{ entry: Entry; state: unknown }> {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: Array<{ entry: Entry; state: unknown }> = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const length = decoding.readVarUint(decoder)
      if (length > decoder.arr.length - decoder.pos) throw new Error('length beyond update')
      const json = utf8.decode(decoding.readUint8Array(decoder, length))
      entries.push({ entry: { clientId, clock, json }, state: JSON.parse(json) as unknown })
    }
    return entries
  } catch {
    fail('validation', 'malformed awareness update')
  }
}

function encodeAwarenessMessage(entries: Entry[]): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId)
    encoding.writeVarUint(inner, entry.clock)
    encoding.writeVarString(inner, entry.json)
  }
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

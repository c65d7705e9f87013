import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from '../../shared/sync/protocol.ts'
import { awarenessFrame, updateFrame } from './yjs-client.ts'

/** The 27-byte payload from yjs issue 687 that hangs Yjs's V2 decoders (mergeUpdatesV2 and friends). */
export const YJS_687 = Uint8Array.from(Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex'))

export type FrameKind = 'valid' | 'random' | 'mutated'

/** A small seeded PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function syncFrame(sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, sub)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

function rawAwareness(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/**
 * Realistic frames as a TipTap editor on y-websocket sends them: typing into paragraphs,
 * headings and lists, deletions, marks, sync steps, caret awareness with relative positions.
 * Returns the frames and the bare Yjs updates (for payload-level mutation).
 */
export function buildCorpus(random: () => number): { frames: Uint8Array[]; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const fragment = doc.getXmlFragment('content')
  const halfway: Uint8Array[] = []
  for (let i = 0; i < 60; i++) {
    const roll = random()
    const blocks = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement)
    if (roll < 0.25 || blocks.length === 0) {
      const name = random() < 0.7 ? 'paragraph' : random() < 0.5 ? 'heading' : 'bulletList'
      const block = new Y.XmlElement(name)
      if (name === 'heading') block.setAttribute('level', String(1 + Math.floor(random() * 3)) as never)
      if (name === 'bulletList') {
        const item = new Y.XmlElement('listItem')
        const p = new Y.XmlElement('paragraph')
        p.insert(0, [new Y.XmlText('Punkt')])
        item.insert(0, [p])
        block.insert(0, [item])
      } else block.insert(0, [new Y.XmlText('Asyl und Arbeit ')])
      fragment.insert(Math.floor(random() * (fragment.length + 1)), [block])
    } else {
      const block = blocks[Math.floor(random() * blocks.length)]!
      const text = block.get(0)
      if (text instanceof Y.XmlText) {
        const len = text.length
        if (roll < 0.7) text.insert(Math.floor(random() * (len + 1)), 'äöü ß€ '.slice(0, 1 + Math.floor(random() * 6)))
        else if (roll < 0.85 && len > 2) text.delete(Math.floor(random() * (len - 1)), 1)
        else if (len > 3) text.format(0, 2, random() < 0.5 ? { bold: true } : { link: { href: 'https://example.org' } })
      }
    }
    if (i === 30) halfway.push(Y.encodeStateVector(doc))
  }
  const frames: Uint8Array[] = updates.map((u) => updateFrame(u))
  frames.push(syncFrame(SYNC_STEP_2, Y.encodeStateAsUpdate(doc)))
  frames.push(syncFrame(SYNC_STEP_2, Y.encodeStateAsUpdate(doc, halfway[0])))
  frames.push(syncFrame(SYNC_STEP_1, Y.encodeStateVector(doc)))
  frames.push(syncFrame(SYNC_STEP_1, Y.encodeStateVector(new Y.Doc())))
  frames.push(Uint8Array.of(MESSAGE_QUERY_AWARENESS))
  const text = fragment.get(0)
  for (let i = 0; i < 5; i++) {
    const anchor = text ? Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text as Y.XmlElement, 0)) : null
    frames.push(
      awarenessFrame([
        { clientId: 1000 + i, clock: i + 1, state: { user: { name: 'Fuzz', color: '#123456' }, cursor: { anchor, head: anchor } } },
      ]),
    )
  }
  return { frames, updates }
}

function randomBytes(random: () => number, length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256)
  return bytes
}

/** Byte-level mutation: flips, replacements, insertions, deletions, truncation, varint bombs. */
export function mutate(random: () => number, input: Uint8Array): Uint8Array {
  let bytes = Array.from(input)
  const rounds = 1 + Math.floor(random() * 4)
  for (let r = 0; r < rounds; r++) {
    const at = Math.floor(random() * Math.max(1, bytes.length))
    const roll = random()
    if (roll < 0.3) bytes[at] = Math.floor(random() * 256)
    else if (roll < 0.45) bytes[at] = (bytes[at] ?? 0) ^ (1 << Math.floor(random() * 8))
    else if (roll < 0.6) bytes.splice(at, 0, ...randomBytes(random, 1 + Math.floor(random() * 8)))
    else if (roll < 0.7) bytes.splice(at, 1 + Math.floor(random() * 8))
    else if (roll < 0.8) bytes = bytes.slice(0, at)
    // a varint that claims a huge count or length (the 687 family)
    else if (roll < 0.9) bytes.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0x0f)
    else bytes.splice(at, 0, 0xfd, 0xff, 0xff, 0xff, 0x7f)
  }
  return Uint8Array.from(bytes)
}

/** One fuzz frame: random bytes, a mutated real frame, a real frame around a mutated payload, or 687. */
export function nextFrame(random: () => number, corpus: { frames: Uint8Array[]; updates: Uint8Array[] }): { kind: FrameKind; frame: Uint8Array } {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!
  const roll = random()
  if (roll < 0.1) return { kind: 'valid', frame: pick(corpus.frames) }
  if (roll < 0.25) return { kind: 'random', frame: randomBytes(random, 1 + Math.floor(random() * (random() < 0.9 ? 48 : 4096))) }
  if (roll < 0.35) {
    // well-framed random payloads: the message layer passes them on to Yjs or the awareness decoder
    const payload = randomBytes(random, Math.floor(random() * 64))
    return { kind: 'random', frame: random() < 0.8 ? syncFrame(Math.floor(random() * 3), payload) : rawAwareness(payload) }
  }
  if (roll < 0.37) {
    const frame = pick([YJS_687, updateFrame(YJS_687), syncFrame(SYNC_STEP_2, YJS_687), syncFrame(SYNC_STEP_1, YJS_687), rawAwareness(YJS_687)])
    return { kind: 'mutated', frame }
  }
  if (roll < 0.65) return { kind: 'mutated', frame: mutate(random, pick(corpus.frames)) }
  if (roll < 0.9) {
    const sub = random() < 0.7 ? SYNC_UPDATE : SYNC_STEP_2
    return { kind: 'mutated', frame: syncFrame(sub, mutate(random, pick(corpus.updates))) }
  }
  // awareness with odd but well-formed states
  const odd = pick<unknown>([null, 0, 'x', [1, 2], { user: 'nobody' }, { cursor: { anchor: { type: 'bogus' } } }, { deep: JSON.parse('['.repeat(200) + ']'.repeat(200)) }, { big: 'x'.repeat(20_000) }])
  return { kind: 'mutated', frame: awarenessFrame([{ clientId: Math.floor(random() * 2 ** 32), clock: Math.floor(random() * 5), state: odd }]) }
}

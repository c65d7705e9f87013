import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import * as ws from 'ws'
import { binaryFrame, FrameWriters } from '../../../server/sync/frame-writer.ts'

/** The frame ws itself would send for `payload` (server side: unmasked, one fragment, binary). */
function wsFrame(payload: Uint8Array): Buffer {
  // ws exports its Sender at runtime; its type declarations do not list it.
  const { Sender } = ws as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } }
  const parts = Sender.frame(Buffer.from(payload), {
    fin: true,
    opcode: 2,
    mask: false,
    readOnly: false,
    rsv1: false,
  })
  return Buffer.concat(parts)
}

describe('binaryFrame', () => {
  it.each([0, 1, 125, 126, 127, 65535, 65536, 200_000])('is byte for byte what ws sends for %i bytes', (length) => {
    const payload = new Uint8Array(length).map((_, i) => i % 251)
    expect(binaryFrame(payload).equals(wsFrame(payload))).toBe(true)
  })

  it('frames a message once for all receivers of a broadcast', () => {
    const frames = new FrameWriters()
    const payload = Uint8Array.of(0, 2, 1, 0)
    expect(frames.frame(payload)).toBe(frames.frame(payload))
  })
})

describe('FrameWriter', () => {
  it('writes the frames of one tick together, in order, and nothing once the socket is not open', async () => {
    const socket = new PassThrough()
    const written: Buffer[] = []
    socket.on('data', (chunk: Buffer) => written.push(chunk))
    let open = true
    const writer = new FrameWriters().writer(socket, () => open)
    writer.queue(binaryFrame(Uint8Array.of(1)))
    writer.queue(binaryFrame(Uint8Array.of(2, 3)))
    expect(writer.queuedBytes).toBe(3 + 4)
    await new Promise((resolve) => setImmediate(resolve))
    expect(written).toEqual([Buffer.from([0x82, 1, 1, 0x82, 2, 2, 3])])
    open = false
    writer.queue(binaryFrame(Uint8Array.of(4)))
    await new Promise((resolve) => setImmediate(resolve))
    expect(written).toHaveLength(1)
  })
})

describe('FrameWriters', () => {
  it('share nothing between two endpoints (two apps in one process)', async () => {
    const [a, b] = [new FrameWriters(), new FrameWriters()]
    const payload = Uint8Array.of(7)
    expect(a.frame(payload)).not.toBe(b.frame(payload))
    const socketA = new PassThrough()
    const socketB = new PassThrough()
    const written: string[] = []
    socketA.on('data', () => written.push('a'))
    socketB.on('data', () => written.push('b'))
    a.writer(socketA, () => true).queue(a.frame(payload))
    b.writer(socketB, () => true).queue(b.frame(payload))
    await new Promise((resolve) => setImmediate(resolve))
    expect(written.sort()).toEqual(['a', 'b'])
  })
})

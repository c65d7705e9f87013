import { deflateSync } from 'node:zlib'

function crc32(bytes: Buffer): number {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

/** One PNG chunk: length, type, data and its CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * The demo alliance's logo, drawn here so the demo needs no image file: a megaphone-like
 * wedge in blue with three orange sound waves, 240 × 80 pixels, as a PNG.
 */
export function demoLogoPng(): Buffer {
  const width = 240
  const height = 80
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    raw[row] = 0
    for (let x = 0; x < width; x++) {
      const dy = Math.abs(y - height / 2)
      const wedge = x >= 20 && x <= 100 && dy <= 8 + ((x - 20) * 24) / 80
      const r = Math.hypot(x - 100, y - height / 2)
      const wave = x > 104 && [18, 30, 42].some((ring) => Math.abs(r - ring) < 3) && dy < r * 0.8
      const [red, green, blue] = wedge ? [11, 92, 173] : wave ? [230, 120, 20] : [255, 255, 255]
      raw.set([red, green, blue], row + 1 + x * 3)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))])
}

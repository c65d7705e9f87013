import { inflateRawSync } from 'node:zlib'
import { fail } from '../../shared/errors.ts'

export interface ZipLimits {
  /** The most all entries together may unpack to. */
  maxUnpackedBytes: number
  maxEntries: number
}

export interface ZipContents {
  names: string[]
  /** The unpacked text of the entries asked for (those present). */
  texts: Map<string, string>
}

const LOCAL = 0x04034b50
const CENTRAL = 0x02014b50
const END = 0x06054b50

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0) === LOCAL
}

/**
 * Unpacks every entry of a zip archive once, with zlib's output limit set to what is left of
 * the budget: the sizes an archive declares can lie, so only what inflating really produces
 * counts, and inflating stops at the first byte beyond the limit (a zip bomb costs a few
 * milliseconds, not memory). Only after this pass is the archive given to a library that
 * unpacks everything. Refuses with `import_too_large` beyond the limits and with
 * `import_unreadable` for anything that is not an intact archive (zip64 included: no word
 * processor writes it for a text).
 */
export function inspectZip(input: Uint8Array, limits: ZipLimits, wanted: readonly string[]): ZipContents {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength)
  if (!looksLikeZip(bytes)) fail('import_unreadable')
  const end = findEnd(bytes)
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  if (count === 0xffff || at === 0xffffffff) fail('import_unreadable')
  if (count > limits.maxEntries) fail('import_too_large')
  const names: string[] = []
  const texts = new Map<string, string>()
  let budget = limits.maxUnpackedBytes
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) fail('import_unreadable')
    const method = bytes.readUInt16LE(at + 10)
    const compressed = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength)
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) fail('import_unreadable')
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    if (start + compressed > bytes.length) fail('import_unreadable')
    const data = unpack(bytes.subarray(start, start + compressed), method, budget)
    budget -= data.length
    names.push(name)
    if (wanted.includes(name)) texts.set(name, data.toString('utf8'))
    at = next
  }
  return { names, texts }
}

function findEnd(bytes: Buffer): number {
  // The end record sits in the last 22 bytes, or before a comment of at most 65535 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END) return at
  }
  return fail('import_unreadable')
}

function unpack(data: Buffer, method: number, budget: number): Buffer {
  if (method === 0) {
    if (data.length > budget) fail('import_too_large')
    return data
  }
  if (method !== 8) fail('import_unreadable')
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) })
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') fail('import_too_large')
    return fail('import_unreadable')
  }
}

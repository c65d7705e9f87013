import { randomBytes } from 'node:crypto'

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** A random, URL-safe id (16 characters, 80 bits) for rows that appear in URLs. */
export function newId(): string {
  const bytes = randomBytes(16)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte & 31]
  return id
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A session token is `id.secret`; the id finds the row, the secret proves possession. */
export function generateSessionToken(): { id: string; secret: string; token: string } {
  const id = randomBytes(15).toString('base64url')
  const secret = randomBytes(32).toString('base64url') // 256 bits from the CSPRNG
  return { id, secret, token: `${id}.${secret}` }
}

export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const parts = token.split('.')
  if (parts.length !== 2) return null
  const [id, secret] = parts as [string, string]
  if (!/^[A-Za-z0-9_-]{20}$/.test(id) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null
  return { id, secret }
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest()
}

/** Compares two SHA-256 hashes without leaking where they differ. */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}

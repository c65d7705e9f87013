import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Deps } from '../deps.ts'
import { appSecret } from './notification.repo.ts'

/** Which mails a token turns off: one kind, or 'digest' (every kind the person gets collected). */
export type UnsubscribeTopic = string

function signingKey(deps: Pick<Deps, 'db' | 'now'>): Buffer {
  // Created at first use and kept in the database: backups carry it, restarts keep links valid.
  return appSecret(deps.db, 'unsubscribe', () => randomBytes(32), deps.now())
}

function signature(key: Buffer, personId: string, topic: UnsubscribeTopic): string {
  return createHmac('sha256', key).update(`unsubscribe\u0000${personId}\u0000${topic}`).digest('base64url')
}

/** The one-click URL (RFC 8058) that turns off `topic` for this person, without a session. */
export function unsubscribeUrl(deps: Pick<Deps, 'db' | 'now' | 'config'>, personId: string, topic: UnsubscribeTopic): string {
  return unsubscribeSigner(deps)(personId, topic)
}

/** `unsubscribeUrl` for many people: reads the key once. */
export function unsubscribeSigner(deps: Pick<Deps, 'db' | 'now' | 'config'>): (personId: string, topic: UnsubscribeTopic) => string {
  const key = signingKey(deps)
  return (personId, topic) => `${deps.config.publicUrl}/unsubscribe/${personId}.${topic}.${signature(key, personId, topic)}`
}

/** The person and topic of a genuine token; undefined for anything forged, altered or cut. */
export function readUnsubscribeToken(deps: Pick<Deps, 'db' | 'now'>, token: string): { personId: string; topic: UnsubscribeTopic } | undefined {
  if (token.length > 200) return undefined
  const [personId, topic, given, ...rest] = token.split('.')
  if (!personId || !topic || !given || rest.length) return undefined
  const expected = Buffer.from(signature(signingKey(deps), personId, topic))
  const actual = Buffer.from(given)
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined
  return { personId, topic }
}

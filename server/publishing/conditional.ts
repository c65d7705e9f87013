import { createHash, randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import type { AppEnv } from '../http/app-env.ts'

// Part of every ETag: a new deployment may render the same row differently, so validators from
// before a restart must not match.
const PROCESS_TOKEN = randomBytes(8).toString('hex')

export interface Freshness {
  /** Everything the response depends on, e.g. the row's updated_at, the locale and the viewer. */
  basis: ReadonlyArray<string | number | null>
  /** ms epoch of the last change the response shows. */
  lastModified: number
  /** 'public' for responses without anything personal in them. */
  scope: 'public' | 'private'
  /** Request headers the response also depends on. */
  vary?: readonly string[]
}

// Popular pages are asked for with the same basis thousands of times between two changes: keep
// recent ETags instead of hashing again on every request (bounded; oldest entries go first).
const recentEtags = new Map<string, string>()
const RECENT_ETAGS = 500

export function etagOf(basis: Freshness['basis']): string {
  const text = JSON.stringify(basis)
  const known = recentEtags.get(text)
  if (known !== undefined) return known
  const hash = createHash('sha256').update(PROCESS_TOKEN).update(text).digest('base64url')
  const etag = `"${hash.slice(0, 27)}"`
  if (recentEtags.size >= RECENT_ETAGS) recentEtags.delete(recentEtags.keys().next().value!)
  recentEtags.set(text, etag)
  return etag
}

/** Weak comparison (RFC 9110 §8.8.3.2): proxies may turn our ETag into a weak one when they compress. */
export function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare)
}

/** True when the copy the client has (dated `since`) shows everything up to `lastModified`. */
export function notModifiedSince(header: string, lastModified: number): boolean {
  const since = Date.parse(header)
  if (Number.isNaN(since)) return false
  // HTTP dates have whole seconds: compare at that resolution.
  return Math.floor(lastModified / 1000) * 1000 <= since
}

/**
 * Sets ETag, Last-Modified, Cache-Control and Vary, and answers 304 when the client's copy is
 * still current (If-None-Match wins over If-Modified-Since, as RFC 9110 says). Returns the 304
 * response, or null when the caller must build the full response.
 */
export function conditional(c: Context<AppEnv>, freshness: Freshness): Response | null {
  const etag = etagOf(freshness.basis)
  c.header('ETag', etag)
  c.header('Last-Modified', new Date(freshness.lastModified).toUTCString())
  // Revalidate every time: a withdrawal must show at once, and the 304 makes that cheap.
  c.header('Cache-Control', `${freshness.scope}, no-cache`)
  if (freshness.vary?.length) c.header('Vary', freshness.vary.join(', '))
  const ifNoneMatch = c.req.header('if-none-match')
  const ifModifiedSince = c.req.header('if-modified-since')
  const fresh =
    ifNoneMatch !== undefined
      ? etagMatches(ifNoneMatch, etag)
      : ifModifiedSince !== undefined && notModifiedSince(ifModifiedSince, freshness.lastModified)
  if (!fresh) return null
  return c.body(null, 304)
}

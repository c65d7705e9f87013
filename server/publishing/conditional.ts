import { createHash, randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import { LruCache } from '../context/lru-cache.ts'
import type { AppEnv } from '../http/app-env.ts'

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

const RECENT_ETAGS = 500

/**
 * ETags of response bases, one set per app (`deps.caches.etags`). Popular pages are asked for
 * with the same basis thousands of times between two changes: recent ETags are kept instead of
 * hashing again on every request (bounded; least recently used go first).
 */
export class Etags {
  // Part of every ETag: a new start may render the same row differently, so validators from
  // before a restart must not match.
  readonly #token = randomBytes(8).toString('hex')
  readonly #recent = new LruCache<string, string>(RECENT_ETAGS)

  of(basis: Freshness['basis']): string {
    const text = JSON.stringify(basis)
    const known = this.#recent.get(text)
    if (known !== undefined) return known
    const hash = createHash('sha256').update(this.#token).update(text).digest('base64url')
    const etag = `"${hash.slice(0, 27)}"`
    this.#recent.set(text, etag)
    return etag
  }

  get size(): number {
    return this.#recent.size
  }

  clear(): void {
    this.#recent.clear()
  }
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
  const etag = c.get('deps').caches.etags.of(freshness.basis)
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

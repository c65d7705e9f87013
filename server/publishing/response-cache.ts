import { LruCache } from '../context/lru-cache.ts'

const MAX_ENTRIES = 200

/**
 * Finished public responses (HTML, JSON, Atom) for visitors without a session; one per app
 * (`deps.caches.publicResponses`). Keys carry the whole basis of the response's ETag (the
 * publication's updated_at, the co-signers' changes, the locale, the path), so a publish,
 * withdrawal or co-signature makes a new key at once and the stale entry just ages out. The size
 * is bounded so arbitrary query strings cannot grow memory.
 */
export class ResponseCache extends LruCache<string, string> {
  constructor(maxEntries = MAX_ENTRIES) {
    super(maxEntries)
  }
}

/** A cache key from a response's basis and everything else that shapes its body. */
export function cacheKey(basis: ReadonlyArray<string | number | null>, ...rest: string[]): string {
  return JSON.stringify([...basis, ...rest])
}

import type { Db } from '../../db/connection.ts'

const MAX_ENTRIES = 200

/**
 * Finished public responses (HTML, JSON, Atom) for visitors without a session. Keys carry the
 * whole basis of the response's ETag (the publication's updated_at, the co-signers' changes,
 * the locale, the path), so a publish, withdrawal or co-signature makes a new key at once and
 * the stale entry just ages out. Least recently used entries go first; the size is bounded so
 * arbitrary query strings cannot grow memory.
 */
export class ResponseCache {
  readonly #entries = new Map<string, string>()

  constructor(readonly maxEntries = MAX_ENTRIES) {}

  get(key: string): string | undefined {
    const hit = this.#entries.get(key)
    if (hit === undefined) return undefined
    // Map keeps insertion order: moving the hit to the end makes the first key the least recent.
    this.#entries.delete(key)
    this.#entries.set(key, hit)
    return hit
  }

  set(key: string, value: string): void {
    this.#entries.delete(key)
    this.#entries.set(key, value)
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!)
  }

  get size(): number {
    return this.#entries.size
  }
}

// One cache per database: tests run several apps (each with its own database) in one process,
// and the same slug at the same updated_at must not answer from another app's data.
const caches = new WeakMap<Db, ResponseCache>()

export function responseCacheOf(db: Db): ResponseCache {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new ResponseCache()))
  return cache
}

/** A cache key from a response's basis and everything else that shapes its body. */
export function cacheKey(basis: ReadonlyArray<string | number | null>, ...rest: string[]): string {
  return JSON.stringify([...basis, ...rest])
}

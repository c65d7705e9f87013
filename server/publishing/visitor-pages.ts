import type { Locale } from '../../shared/i18n/index.ts'
import { LruCache } from '../context/lru-cache.ts'

const MAX_ENTRIES = 100

/** A finished 200 response, as the app built it for a visitor without a session. */
export interface VisitorPage {
  /** The write mark (deps.writeMark) read before the page's data was read. */
  mark: string
  /** Every header of the app's response (security headers, ETag, Cache-Control, Vary, type, length). */
  headers: Record<string, string>
  etag: string
  body: Buffer
}

/**
 * Public pages for visitors without a session, ready to be written to the socket without going
 * through the app (server/http/visitor-fast-path.ts); one set per app (`deps.caches.visitorPages`).
 * A page is kept with the write mark of the moment its data was read and served only while the
 * mark is unchanged, so any write to the database — a publication, withdrawal, co-signature,
 * translation, profile change, or anything else — retires every page at once; the next request
 * goes through the app, which stores the page again. Keyed by language and path with query.
 */
export class VisitorPages {
  readonly #pages = new LruCache<string, VisitorPage>(MAX_ENTRIES)
  #hits = 0

  get(locale: Locale, path: string, mark: string): VisitorPage | undefined {
    const key = `${locale} ${path}`
    const page = this.#pages.get(key)
    if (page === undefined) return undefined
    if (page.mark === mark) {
      this.#hits++
      return page
    }
    this.#pages.delete(key)
    return undefined
  }

  set(locale: Locale, path: string, page: VisitorPage): void {
    this.#pages.set(`${locale} ${path}`, page)
  }

  /** How many requests were answered from here (tests see that the fast path took them). */
  get hits(): number {
    return this.#hits
  }

  get size(): number {
    return this.#pages.size
  }

  clear(): void {
    this.#pages.clear()
  }
}

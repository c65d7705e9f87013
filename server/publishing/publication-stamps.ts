import type { PublicationStamp } from './publication.repo.ts'

const STAMPS_KEPT = 1000

/**
 * Recent publication stamps, one set per app (`deps.caches.publicationStamps`). Every view of a
 * public page starts with its stamp (for the ETag and the page cache), and the query with its
 * signatories subquery was a large part of a cached page view (docs/BENCHMARKS.md, "Figures
 * behind the code"). Kept while the write mark stays the
 * same: any write through the app's connection, or another process's commit, starts afresh.
 */
export class PublicationStamps {
  #mark: string | undefined
  readonly #stamps = new Map<string, PublicationStamp | undefined>()

  constructor(
    private readonly writeMark: () => string,
    private readonly read: (slug: string) => PublicationStamp | undefined,
  ) {}

  get(slug: string): PublicationStamp | undefined {
    const mark = this.writeMark()
    if (mark !== this.#mark || this.#stamps.size >= STAMPS_KEPT) {
      this.#stamps.clear()
      this.#mark = mark
    }
    if (this.#stamps.has(slug)) return this.#stamps.get(slug)
    const stamp = this.read(slug)
    this.#stamps.set(slug, stamp)
    return stamp
  }

  get size(): number {
    return this.#stamps.size
  }

  clear(): void {
    this.#stamps.clear()
    this.#mark = undefined
  }
}

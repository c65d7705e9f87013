/**
 * A bounded map that drops the least recently used entry first. Every cache of the app context
 * is one of these (or wraps one), so none can grow with what visitors ask for.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>()

  constructor(readonly maxEntries: number) {}

  get(key: K): V | undefined {
    const hit = this.#entries.get(key)
    if (hit === undefined) return undefined
    // Map keeps insertion order: moving the hit to the end makes the first key the least recent.
    this.#entries.delete(key)
    this.#entries.set(key, hit)
    return hit
  }

  delete(key: K): void {
    this.#entries.delete(key)
  }

  has(key: K): boolean {
    return this.#entries.has(key)
  }

  set(key: K, value: V): void {
    this.#entries.delete(key)
    this.#entries.set(key, value)
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!)
  }

  get size(): number {
    return this.#entries.size
  }

  clear(): void {
    this.#entries.clear()
  }
}

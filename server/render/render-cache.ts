/**
 * A least-recently-used cache bounded by the size of what it holds (the caller says what an
 * entry weighs), with the renders under way shared: two requests for the same render while it
 * runs wait for one. A failed render is not kept.
 */
export class RenderCache<V> {
  readonly #entries = new Map<string, { value: V; weight: number }>()
  readonly #running = new Map<string, Promise<V>>()
  #weight = 0

  constructor(
    readonly maxWeight: number,
    readonly weigh: (value: V) => number,
  ) {}

  get(key: string, render: () => Promise<V>): Promise<V> {
    const hit = this.#entries.get(key)
    if (hit) {
      // Map keeps insertion order: moving the hit to the end makes the first key the least recent.
      this.#entries.delete(key)
      this.#entries.set(key, hit)
      return Promise.resolve(hit.value)
    }
    const running = this.#running.get(key)
    if (running) return running
    const promise = render().then(
      (value) => {
        this.#running.delete(key)
        this.#set(key, value)
        return value
      },
      (error: unknown) => {
        this.#running.delete(key)
        throw error
      },
    )
    this.#running.set(key, promise)
    return promise
  }

  get size(): number {
    return this.#entries.size
  }

  clear(): void {
    this.#entries.clear()
    this.#weight = 0
  }

  #set(key: string, value: V): void {
    const weight = this.weigh(value)
    if (weight > this.maxWeight) return
    this.#entries.set(key, { value, weight })
    this.#weight += weight
    while (this.#weight > this.maxWeight) {
      const [oldest, entry] = this.#entries.entries().next().value!
      this.#entries.delete(oldest)
      this.#weight -= entry.weight
    }
  }
}

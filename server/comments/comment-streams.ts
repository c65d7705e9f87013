import { fail } from '../../shared/errors.ts'

/** How many comment event streams one person may hold open at once (tabs, devices). */
export const COMMENT_STREAMS_PER_PERSON = 5

/**
 * The open comment event streams per person (a member of the app context): each stream takes a
 * slot and gives it back when it ends, so one account cannot hold an unbounded number of
 * connections. The one over the cap is refused with `too_many_streams` (429).
 */
export class CommentStreams {
  private readonly open = new Map<string, number>()

  constructor(readonly perPerson = COMMENT_STREAMS_PER_PERSON) {}

  /** Takes a slot for the person, or refuses; returns the release (idempotent). */
  take(personId: string): () => void {
    const held = this.open.get(personId) ?? 0
    if (held >= this.perPerson) fail('too_many_streams', { key: 'error.too_many_streams', params: { n: this.perPerson } })
    this.open.set(personId, held + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const now = (this.open.get(personId) ?? 1) - 1
      if (now > 0) this.open.set(personId, now)
      else this.open.delete(personId)
    }
  }

  /** How many streams the person holds open. */
  heldBy(personId: string): number {
    return this.open.get(personId) ?? 0
  }

  /** How many people hold a stream. */
  get size(): number {
    return this.open.size
  }

  clear(): void {
    this.open.clear()
  }
}

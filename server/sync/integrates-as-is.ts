import * as Y from 'yjs'

/** What Y.decodeUpdate returns: the structs and the delete set of one update. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

// Content that integrates without touching anything but its own item (ContentDoc, a subdocument,
// would register with the document and is never used by the editor).
const PLAIN_CONTENT = new Set<unknown>([Y.ContentString, Y.ContentDeleted, Y.ContentFormat, Y.ContentEmbed, Y.ContentAny, Y.ContentType, Y.ContentBinary, Y.ContentJSON])

/**
 * Whether a decoded update integrates completely, as it is, into a document whose state vector
 * is `state` (client → next clock), so that Y.applyUpdate, whenever it runs, neither keeps parts
 * of it pending nor throws. Returns the clocks the update moves forward (client → new next
 * clock), or null when that cannot be shown cheaply; such updates go the full way (applied at
 * once, with Yjs deciding what is pending).
 *
 * Shown by: no struct leaves a gap in its client's clocks; every origin and right origin is
 * already there; an item names its parent only as a root type (an item whose parent is another
 * item is left to the full way: its parent must be a type, which only the document knows);
 * the content is plain; every deletion lies within known clocks. Typing (an insert after a
 * known character, a deletion of known ones) is all of this.
 */
export function integratesAsIs(update: DecodedUpdate, state: (client: number) => number): Map<number, number> | null {
  const advanced = new Map<number, number>()
  for (const struct of update.structs) {
    if (struct instanceof Y.Skip) return null
    const { client, clock } = struct.id
    if (clock > known(advanced, state, client)) return null
    if (struct instanceof Y.Item) {
      const { origin, rightOrigin, parent } = struct
      if (origin && origin.clock >= known(advanced, state, origin.client)) return null
      if (rightOrigin && rightOrigin.clock >= known(advanced, state, rightOrigin.client)) return null
      if (!origin && !rightOrigin && typeof parent !== 'string') return null
      if (!PLAIN_CONTENT.has(struct.content.constructor)) return null
    }
    const end = clock + struct.length
    if (end > known(advanced, state, client)) advanced.set(client, end)
  }
  for (const [client, deletions] of update.ds.clients) {
    for (const deletion of deletions) if (deletion.clock + deletion.len > known(advanced, state, client)) return null
  }
  return advanced
}

function known(advanced: Map<number, number>, state: (client: number) => number, client: number): number {
  return advanced.get(client) ?? state(client)
}

// Caret and presence colours: dark enough for white caret labels (contrast ≥ 4.5:1 against #fff).
// Eight hues far enough apart to tell two people apart (no two greens).
const PALETTE = ['#0b5cad', '#a3300b', '#1d6b2c', '#6a3d9a', '#8a4b00', '#00696b', '#a0175a', '#3a3a3a'] as const

/** A stable colour per person, so everyone sees the same person in the same colour. */
export function presenceColor(personId: string): string {
  return PALETTE[preferredIndex(personId)]!
}

function preferredIndex(personId: string): number {
  let hash = 0
  for (let i = 0; i < personId.length; i++) hash = (hash * 31 + personId.charCodeAt(i)) >>> 0
  return hash % PALETTE.length
}

/**
 * Colours for the people present at once, all different while there are no more people than
 * colours. Each keeps their own colour (presenceColor) unless someone present took it first;
 * "first" is by person id, so every browser that sees the same people assigns the same colours.
 */
export function distinctColors(personIds: Iterable<string>): Map<string, string> {
  const ids = [...new Set(personIds)].sort()
  const taken = new Set<number>()
  const colors = new Map<string, string>()
  for (const id of ids) {
    let index = preferredIndex(id)
    if (taken.size < PALETTE.length) while (taken.has(index)) index = (index + 1) % PALETTE.length
    taken.add(index)
    colors.set(id, PALETTE[index]!)
  }
  return colors
}

/** Every colour the palette can give, for tests of contrast. */
export const PRESENCE_PALETTE: readonly string[] = PALETTE

// Caret and presence colours: dark enough for white caret labels (contrast ≥ 4.5:1 against #fff).
const PALETTE = ['#0b5cad', '#a3300b', '#1d6b2c', '#6a3d9a', '#8a4b00', '#00696b', '#a0175a', '#3d5a00'] as const

/** A stable colour per person, so everyone sees the same person in the same colour. */
export function presenceColor(personId: string): string {
  let hash = 0
  for (let i = 0; i < personId.length; i++) hash = (hash * 31 + personId.charCodeAt(i)) >>> 0
  return PALETTE[hash % PALETTE.length]!
}

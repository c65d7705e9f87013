import { describe, expect, it } from 'vitest'
import { distinctColors, presenceColor, PRESENCE_PALETTE } from '../../../shared/presence-color.ts'

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

describe('caret colours of the people present', () => {
  // Two ids whose own colours collide (found by search, so the test shows the fix matters).
  const ids = Array.from({ length: 200 }, (_, i) => `person-${i}`)
  const [a, b] = (() => {
    for (const x of ids) for (const y of ids) if (x < y && presenceColor(x) === presenceColor(y)) return [x, y]
    throw new Error('no collision among 200 ids')
  })()

  it('gives two people present at once different colours even when their own colours are the same', () => {
    expect(presenceColor(a!)).toBe(presenceColor(b!))
    const colors = distinctColors([a!, b!])
    expect(colors.get(a!)).not.toBe(colors.get(b!))
  })

  it('gives everyone a different colour while there are no more people than colours, the same in every browser', () => {
    const present = ids.slice(0, PRESENCE_PALETTE.length)
    const colors = distinctColors(present)
    expect(new Set(colors.values()).size).toBe(present.length)
    expect(distinctColors([...present].reverse())).toEqual(colors)
  })

  it('keeps a person’s own colour when nobody present took it', () => {
    expect(distinctColors([a!]).get(a!)).toBe(presenceColor(a!))
  })

  it('uses only colours on which white label text has at least 4.5:1 contrast', () => {
    for (const color of PRESENCE_PALETTE) expect(1.05 / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5)
  })
})

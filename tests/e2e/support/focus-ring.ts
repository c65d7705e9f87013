import type { Locator } from 'playwright-core'

/** What a focused element's ring looks like, with colours as [r, g, b]. */
export interface FocusRing {
  outlineStyle: string
  outlineWidth: number
  outline: [number, number, number]
  /** The first colour of the box-shadow (the halo between ring and control), if any. */
  halo: [number, number, number] | null
  /** The element's own background (null when transparent). */
  own: [number, number, number] | null
  /** What the ring is drawn on: the background of the nearest ancestor that has one. */
  backdrop: [number, number, number]
}

/** Focuses the element as a keyboard user would see it (:focus-visible) and reads its ring. */
export async function focusRingOf(target: Locator): Promise<FocusRing> {
  const page = target.page()
  // A key press first: Chromium shows :focus-visible on a later programmatic focus only then.
  await page.keyboard.press('Shift')
  await target.focus()
  return target.evaluate((el) => {
    const rgb = (value: string): [number, number, number] | null => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(value)
      if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return null
      return [Number(m[1]), Number(m[2]), Number(m[3])]
    }
    if (!el.matches(':focus-visible')) throw new Error('the element does not show keyboard focus')
    const style = getComputedStyle(el)
    let backdrop: [number, number, number] = [255, 255, 255]
    for (let p = el.parentElement; p; p = p.parentElement) {
      const bg = rgb(getComputedStyle(p).backgroundColor)
      if (bg) {
        backdrop = bg
        break
      }
    }
    return {
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outline: rgb(style.outlineColor) ?? [0, 0, 0],
      halo: style.boxShadow === 'none' ? null : rgb(style.boxShadow),
      own: rgb(style.backgroundColor),
      backdrop,
    }
  })
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

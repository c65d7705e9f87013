import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

/** Where screenshots land; gitignored, kept after the run for people to look at. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url))

const WIDTHS = [
  { width: 1280, height: 800 },
  // The narrowest phone we support (a common cheap Android).
  { width: 360, height: 740 },
] as const

/**
 * Saves full-page screenshots of the current page at desktop and phone width as
 * tests/e2e/screenshots/<name>-1280.png and <name>-360.png, then restores the viewport.
 * Returns the file paths.
 */
export async function shoot(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-')
  const before = page.viewportSize()
  const files: string[] = []
  for (const size of WIDTHS) {
    await page.setViewportSize(size)
    const path = `${SCREENSHOT_DIR}${safe}-${size.width}.png`
    // Caret blinking would make otherwise identical runs differ.
    await page.screenshot({ path, fullPage: true, caret: 'hide', animations: 'disabled' })
    files.push(path)
  }
  if (before) await page.setViewportSize(before)
  return files
}

/**
 * When the page scrolls sideways at the current width (the usual phone bug), names the elements
 * responsible: those reaching past the right edge, or whose content spills out of them (a long
 * word, a nowrap line). Returns an empty list when the page fits.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement
    const limit = root.clientWidth
    if (root.scrollWidth <= limit + 1) return []
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : ''
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''
      return `${el.tagName.toLowerCase()}${id}${cls}`
    }
    const insideScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX
        if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true
      }
      return false
    }
    const found: string[] = []
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (insideScroller(el)) continue
      const rect = el.getBoundingClientRect()
      const spills = el instanceof HTMLElement && getComputedStyle(el).overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
      if (rect.width > 0 && rect.right > limit + 1) found.push(`${describe(el)} reaches ${Math.round(rect.right)} px`)
      else if (spills) found.push(`${describe(el)}: content ${el.scrollWidth} px wide in a ${el.clientWidth} px box`)
    }
    return found.length ? found : [`the page is ${root.scrollWidth} px wide`]
  })
}

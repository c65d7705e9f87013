import type { Page } from 'playwright-core'

/**
 * WCAG 1.4.12 text spacing: line height 1.5, paragraph spacing 2 em, letter spacing 0.12 em, word
 * spacing 0.16 em, as a bookmarklet or a reader's own stylesheet would force them. Added as a
 * constructed stylesheet: the page's Content-Security-Policy forbids inline <style>, but does not
 * govern stylesheets built through the CSSOM. Returns a function that takes them away again.
 */
export async function applyTextSpacing(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
    )
    ;(window as unknown as { __textSpacing?: CSSStyleSheet }).__textSpacing = sheet
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  })
  return async () => {
    await page.evaluate(() => {
      const sheet = (window as unknown as { __textSpacing?: CSSStyleSheet }).__textSpacing
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet)
    })
  }
}

/**
 * The table cells a keyboard user cannot bring into view at the current width: cells past the
 * right edge of the window, or hidden in a box that scrolls sideways but cannot take the focus
 * (no tabindex, no name). An empty list when every cell of every table is in reach.
 */
export async function unreachableTableCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth
    const found: string[] = []
    const label = (cell: Element) => `"${(cell.textContent ?? '').trim().slice(0, 40)}"`
    document.querySelectorAll('table').forEach((table, index) => {
      let scroller: HTMLElement | null = null
      for (let p = table.parentElement; p && p !== document.body; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX
        if ((x === 'auto' || x === 'scroll') && p.scrollWidth > p.clientWidth + 1) {
          scroller = p
          break
        }
      }
      if (scroller) {
        const named = scroller.hasAttribute('aria-label') || scroller.hasAttribute('aria-labelledby')
        if (scroller.tabIndex < 0 || !named) found.push(`table ${index + 1} scrolls sideways in a box that the keyboard cannot reach (${scroller.scrollWidth} px in ${scroller.clientWidth} px)`)
        return
      }
      table.querySelectorAll('th, td').forEach((cell) => {
        const rect = cell.getBoundingClientRect()
        if (rect.width > 0 && (rect.right > limit + 1 || rect.left < -1)) found.push(`table ${index + 1}: cell ${label(cell)} reaches ${Math.round(rect.right)} px of ${limit} px`)
      })
    })
    return found
  })
}

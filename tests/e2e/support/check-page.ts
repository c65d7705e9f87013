import type { Page } from 'playwright-core'
import { expectAccessible } from './a11y.ts'
import { pageProblems } from './page-problems.ts'
import { applyTextSpacing, unreachableTableCells } from './reflow.ts'
import { overflowingElements, shoot } from './screenshots.ts'

/**
 * What every e2e test does on every page it visits: axe (no violation of any impact),
 * full-page screenshots at 1280 and 360 px, and at 360 px no element that pushes the page
 * sideways; at 320 px (WCAG reflow) with WCAG text spacing, still nothing that scrolls sideways
 * and every table cell in reach of the keyboard; no script error or Content-Security-Policy
 * refusal so far (pages opened through `newContext`). Throws with a readable list when something
 * is wrong.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('load')
  // Web fonts are fetched when their letters first appear (the Ethiopic one): wait for them.
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  const problems = pageProblems(page)
  if (problems.length) throw new Error(`"${name}" (${page.url()}) has problems:\n  ${problems.join('\n  ')}`)
  await expectAccessible(page, name)
  await shoot(page, name)
  const before = page.viewportSize()
  await page.setViewportSize({ width: 360, height: 740 })
  try {
    const wide = await overflowingElements(page)
    if (wide.length) throw new Error(`"${name}" is wider than a 360 px phone screen:\n  ${wide.join('\n  ')}`)
    await expectAccessible(page, `${name} (360 px)`)
    await page.setViewportSize({ width: 320, height: 740 })
    const unreachable = await unreachableTableCells(page)
    if (unreachable.length) throw new Error(`"${name}" has table cells a keyboard cannot reach at 320 px:\n  ${unreachable.join('\n  ')}`)
    const removeSpacing = await applyTextSpacing(page)
    try {
      const spaced = await overflowingElements(page)
      if (spaced.length) throw new Error(`"${name}" scrolls sideways at 320 px with WCAG text spacing:\n  ${spaced.join('\n  ')}`)
    } finally {
      await removeSpacing()
    }
  } finally {
    if (before) await page.setViewportSize(before)
  }
}

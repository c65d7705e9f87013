import type { Locator, Page } from 'playwright-core'

/**
 * Clicks something that loads a new page (a link, or a form's submit button whose answer is a
 * redirect or the form again) and waits until that page has loaded. Works whether or not the
 * URL changes, which `waitForURL` cannot tell apart.
 */
export async function clickAndWait(page: Page, target: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() })
  await target.click()
  await navigated
  await page.waitForLoadState('load')
}

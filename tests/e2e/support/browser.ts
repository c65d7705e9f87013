import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core'
import { findChromium } from './find-chromium.mjs'
import { trackProblems } from './page-problems.ts'

export { findChromium }

// Headless Chromium in a container: no sandbox (we run as root in CI), no GPU, and nothing that
// phones home or updates itself in the middle of a test run.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Launches Debian's Chromium (or $CHROMIUM_PATH). Every launch gets a fresh, empty profile:
 * playwright's `launch()` passes `--user-data-dir=<tmp>/playwright_chromiumdev_profile-XXXX`
 * and deletes that directory on `close()` (checked against playwright-core 1.65 and Chromium 156),
 * so no cookies, IndexedDB drafts or caches leak from one test file into the next.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('Chromium not found: install it with `apt-get install chromium` or set CHROMIUM_PATH')
  return chromium.launch({ executablePath, args: ARGS, timeout: 60_000 })
}

/**
 * A browser context as a German-speaking volunteer on a laptop would have it. Each context has
 * its own cookies, so two contexts are two people.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 1280, height: 800 },
    ...options,
  })
  // Generous but bounded: a slow CI machine with two cores shared by everything.
  context.setDefaultTimeout(15_000)
  context.setDefaultNavigationTimeout(30_000)
  trackProblems(context)
  return context
}

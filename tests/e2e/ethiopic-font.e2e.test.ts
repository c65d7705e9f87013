import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../server/cli/main.ts'
import { DEMO_PASSWORD, demoEmail } from '../../server/cli/demo.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login } from './support/login.ts'
import { startServer, type E2eServer } from './support/server.ts'

const SLUG = 'unabhaengige-beschwerdestelle-fuer-unterkuenfte'
const TITLE = 'ናጻ ኮሚሽን ቅሬታ'

/**
 * How many of an element's Ethiopic letters Chromium drew with the web font, and how many there
 * are (document.fonts.check says only that a face is loaded, not that the text uses it).
 */
async function ethiopicDrawn(page: Page, selector: string): Promise<{ withWebFont: number; letters: number }> {
  const letters = [...((await page.locator(selector).first().textContent()) ?? '')].filter((ch) => /[\u1200-\u139F]/.test(ch)).length
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument')
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
  await cdp.detach()
  return { withWebFont: fonts.filter((f) => f.familyName === 'Noto Sans Ethiopic').reduce((n, f) => n + f.glyphCount, 0), letters }
}

// A Tigrinya translation on the public page: Ge'ez letters drawn with the web font, not as empty
// boxes (Debian's Chromium has no Ethiopic system font, like many laptops and phones).
describe('Tigrinya on the public page', () => {
  let server: E2eServer
  let browser: Browser
  let dataDir: string

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-e2e-ethiopic-'))
    expect(await runCli(['demo'], { env: { DATA_DIR: dataDir, LANG: 'de_DE.UTF-8' }, print: () => {}, printError: () => {} })).toBe(0)
    ;[server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('draws the title and text of a Tigrinya translation with Noto Sans Ethiopic', async () => {
    const spokesperson = await (await newContext(browser)).newPage()
    await login(spokesperson, server.url, demoEmail('Thomas Krüger'), DEMO_PASSWORD)
    const db = new BetterSqlite3(join(dataDir, 'sprachrohr.sqlite'), { readonly: true })
    const { id } = db.prepare('select id from positions where slug = ?').get(SLUG) as { id: string }
    db.close()
    const made = await spokesperson.request.post(`${server.url}/api/positions/${id}/translations`, { data: { language: 'ti', title: TITLE, text: 'ኩሉ ሰብ ብማዕረ ክብሪ ይውለድ።' }, headers: { Origin: server.url } })
    expect(made.status()).toBe(201)
    const { id: translationId } = (await made.json()) as { id: string }
    expect((await spokesperson.request.post(`${server.url}/api/translations/${translationId}/publish`, { headers: { Origin: server.url } })).status()).toBe(200)

    const visitor = await (await newContext(browser)).newPage()
    const fontFiles: string[] = []
    visitor.on('request', (r) => {
      if (r.url().endsWith('.woff2')) fontFiles.push(new URL(r.url()).pathname)
    })
    await visitor.goto(`${server.url}/p/${SLUG}/ti`)
    await checkPage(visitor, '88-ethiopic-translation-ti')
    await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE)
    expect(fontFiles.sort()).toEqual(['/assets/noto-sans-ethiopic-ethiopic-400-normal.woff2', '/assets/noto-sans-ethiopic-ethiopic-700-normal.woff2'])
    for (const selector of ['article h1', 'article p:last-of-type']) {
      const drawn = await ethiopicDrawn(visitor, selector)
      expect(drawn.letters, selector).toBeGreaterThan(5)
      expect(drawn.withWebFont, selector).toBe(drawn.letters)
    }
    // The language list of the German page names it in its own letters, with the same face.
    await visitor.goto(`${server.url}/p/${SLUG}`)
    await checkPage(visitor, '89-ethiopic-language-link')
    await expect(ethiopicDrawn(visitor, 'a[hreflang="ti"]')).resolves.toEqual({ withWebFont: 4, letters: 4 })
  })
})

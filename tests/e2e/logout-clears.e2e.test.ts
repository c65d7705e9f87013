import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login, logout } from './support/login.ts'
import { FIRST_ADMIN, seedFirstAdmin } from './support/seed.ts'
import { seedDelegate, seedGroup, seedInitiative } from './support/seed-alliance.ts'
import { seedPosition } from './support/seed-position.ts'
import { startServer, type E2eServer } from './support/server.ts'

// A delegate writes a draft on the computer of a café, then logs out. The editor kept an offline
// copy in IndexedDB; the next person at that computer must not find it (issue 13.8).
describe('logging out clears the offline copies of drafts', () => {
  let server: E2eServer
  let browser: Browser
  let positionUrl: string

  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: 'Wir treffen uns jeden Dienstag im Café' }
  const TEXT = 'Wir fordern ein Recht auf eigene Wohnungen.'

  /** Names of the IndexedDB databases of this origin that hold offline draft copies. */
  const draftDatabases = (page: Page): Promise<string[]> =>
    page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('sprachrohr:')))

  /** Logs in, opens the position, types, and waits until the server stored it and an offline copy exists. */
  async function writeDraft(page: Page, text: string): Promise<void> {
    await login(page, server.url, LENA.email, LENA.password)
    await page.goto(positionUrl)
    await page.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')
    await page.getByRole('textbox', { name: 'Text der Position' }).click()
    await page.keyboard.type(text)
    await page.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')
    await expect.poll(() => draftDatabases(page)).toHaveLength(1)
  }

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    const admin = await seedFirstAdmin(server, FIRST_ADMIN)
    const initiativeId = await seedInitiative(admin, { name: 'Internationales Café Winsen' })
    const groupId = await seedGroup(admin, { name: 'AG Wohnen' })
    await seedDelegate(admin, LENA, { initiativeId, groupId, coordinator: true })
    const positionId = await seedPosition(await apiAs(server, LENA), groupId, 'Wohnraum für Geflüchtete')
    positionUrl = `${server.url}/positions/${positionId}`
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('with the logout button: the browser holds no draft database afterwards', async () => {
    const page = await (await newContext(browser)).newPage()
    await writeDraft(page, TEXT)
    await checkPage(page, 'lo-01-draft-written')

    await logout(page)
    expect(new URL(page.url()).pathname).toBe('/')
    await expect(page.getByRole('status').textContent()).resolves.toContain('Du bist abgemeldet.')
    await page.waitForFunction(() => document.documentElement.dataset.offlineDrafts === 'forgotten')
    await checkPage(page, 'lo-02-logged-out')
    await expect(draftDatabases(page)).resolves.toEqual([])
    await page.context().close()
  })

  it('with the editor still open in another tab: that tab lets go of its copy too', async () => {
    const context = await newContext(browser)
    const editorTab = await context.newPage()
    await writeDraft(editorTab, ' Jetzt.')
    const other = await context.newPage()
    await other.goto(`${server.url}/`)
    await checkPage(other, 'lo-03-second-tab')
    await logout(other)
    // The editor's connection ends with the session; the tab shows it and keeps no copy.
    await editorTab.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent !== 'gespeichert')
    await expect.poll(() => draftDatabases(editorTab)).toEqual([])
    await expect.poll(() => draftDatabases(other)).toEqual([])
    await context.close()
  })
})

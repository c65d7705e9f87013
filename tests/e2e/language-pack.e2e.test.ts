import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { seedFirstAdmin } from './support/seed.ts'
import { startServer, type E2eServer } from './support/server.ts'

// The built server with the language packs of the integration test (a small French one, a
// right-to-left one without words): switching in the header, and the editor's words in French.
const PACKS = fileURLToPath(new URL('../integration/i18n/packs', import.meta.url))

describe('an interface language added as one file, in the browser', () => {
  let server: E2eServer
  let browser: Browser
  let page: Page
  let positionId: string
  const ADMIN = { name: 'Aylin Demir', email: 'aylin@buendnis.example', password: 'Kaffee am Hafen um halb acht' }

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer({ env: { LANGUAGES_DIR: PACKS } }), launchBrowser()])
    const admin = await seedFirstAdmin(server, ADMIN)
    const me = expectStatus(await admin.get('/api/me'), 200, 'me') as { id: string }
    const group = expectStatus(await admin.post('/api/groups', { name: 'AG Wohnen', description: 'Unterbringung und Mieten.' }), 201, 'group') as { id: string }
    expectStatus(await admin.post(`/api/groups/${group.id}/members`, { personId: me.id, coordinator: true }), 201, 'group member')
    positionId = (expectStatus(await admin.post('/api/positions', { groupId: group.id, title: 'Wohnraum für Geflüchtete' }), 201, 'position') as { id: string }).id
    page = await (await newContext(browser)).newPage()
    await login(page, server.url, ADMIN.email, ADMIN.password)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('switches to French in the header; the editor speaks French where the pack has words', async () => {
    await page.goto(`${server.url}/positions/${positionId}`)
    await clickAndWait(page, page.getByRole('button', { name: 'Passer au français' }))
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr')
    await page.getByRole('toolbar', { name: 'Mise en forme' }).waitFor()
    await checkPage(page, 'lp-01-position-fr')
  })

  it('switches to a right-to-left language: the page runs right to left', async () => {
    await clickAndWait(page, page.getByRole('button', { name: 'עברית' }))
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl')
    await expect(page.evaluate(() => getComputedStyle(document.body).direction)).resolves.toBe('rtl')
    await checkPage(page, 'lp-02-position-rtl')
    await clickAndWait(page, page.getByRole('button', { name: 'Deutsch' }))
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de')
  })
})

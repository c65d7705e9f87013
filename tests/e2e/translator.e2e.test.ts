import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../server/cli/main.ts'
import { DEMO_PASSWORD, demoEmail } from '../../server/cli/demo.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { startServer, type E2eServer } from './support/server.ts'

// The demo alliance gets a translator: the admin gives Fatima Haidari the Arabic language on her
// person page. Screenshots at 1280 and 360 px land in tests/e2e/screenshots/.
describe('translators', () => {
  let server: E2eServer
  let browser: Browser
  let admin: Page

  const TRANSLATOR = 'Fatima Haidari'

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-e2e-translator-'))
    const code = await runCli(['demo'], { env: { DATA_DIR: dataDir, LANG: 'de_DE.UTF-8' }, print: () => {}, printError: () => {} })
    expect(code).toBe(0)
    ;[server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()])
    admin = await (await newContext(browser)).newPage()
    await login(admin, server.url, demoEmail('Sabine Hoffmann'), DEMO_PASSWORD)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const arabic = () => admin.getByRole('group', { name: 'Sprachen, in die diese Person übersetzen darf' }).getByRole('checkbox', { name: 'Arabisch · العربية' })

  it('lets the admin give a person the translator role for Arabic on the person page', async () => {
    await admin.goto(`${server.url}/admin/people`)
    await clickAndWait(admin, admin.getByRole('link', { name: TRANSLATOR }))
    await checkPage(admin, '88-translator-admin-person')
    await expect(arabic().isChecked()).resolves.toBe(false)
    await arabic().check()
    await clickAndWait(admin, admin.getByRole('button', { name: 'Sprachen speichern' }))
    await expect(admin.getByText('Gespeichert').first().isVisible()).resolves.toBe(true)
    await expect(arabic().isChecked()).resolves.toBe(true)
  })

  it('shows a refused choice in the error summary, which leads to the languages', async () => {
    // A browser offers only the listed languages; a tampered form is refused all the same.
    await admin.locator('#translator-languages-fa').evaluate((input: HTMLInputElement) => {
      input.value = 'xx'
      input.checked = true
    })
    await clickAndWait(admin, admin.getByRole('button', { name: 'Sprachen speichern' }))
    await expect(admin.title()).resolves.toMatch(/^Fehler \(1\): /)
    const summary = admin.locator('#error-summary')
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await checkPage(admin, '89-translator-admin-refused')
    await summary.getByRole('link', { name: 'Bitte wähle nur Sprachen aus der Liste.' }).click()
    await expect(arabic().evaluate((el) => el === document.activeElement)).resolves.toBe(true)
  })
})

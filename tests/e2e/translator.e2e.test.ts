import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../server/cli/main.ts'
import { DEMO_PASSWORD, demoEmail } from '../../server/cli/demo.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { pageAs } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { api, apiLogin, expectStatus } from './support/api.ts'
import { startServer, type E2eServer } from './support/server.ts'

// The demo alliance gets a translator: the admin gives Fatima Haidari the Arabic language on her
// person page; she writes an Arabic translation with bold text in the editor, the spokesperson
// publishes it, and a visitor reads it right to left with the bold. Screenshots at 1280 and
// 360 px land in tests/e2e/screenshots/.
describe('translators', () => {
  let server: E2eServer
  let browser: Browser
  let admin: Page
  let translator: Page
  let positionId: string
  let slug: string

  const TRANSLATOR = 'Fatima Haidari'

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-e2e-translator-'))
    const code = await runCli(['demo'], { env: { DATA_DIR: dataDir, LANG: 'de_DE.UTF-8' }, print: () => {}, printError: () => {} })
    expect(code).toBe(0)
    ;[server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()])
    admin = await pageAs(browser, server.url, { email: demoEmail('Sabine Hoffmann'), password: DEMO_PASSWORD })
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

  it('lets the translator write the Arabic translation in the editor, right to left, with bold text', async () => {
    // The adopted demo position is published first (not what this test is about).
    const spokesperson = api(server, await apiLogin(server, demoEmail('Thomas Krüger'), DEMO_PASSWORD))
    const list = expectStatus(await spokesperson.get('/api/positions'), 200, 'positions') as { positions: Array<{ id: string; title: string }> }
    positionId = list.positions.find((p) => p.title === 'Arbeitserlaubnis ohne Wartezeit')!.id
    slug = (expectStatus(await spokesperson.post(`/api/positions/${positionId}/publish`, {}), 200, 'publish') as { slug: string }).slug

    translator = await pageAs(browser, server.url, { email: demoEmail(TRANSLATOR), password: DEMO_PASSWORD })
    await translator.goto(`${server.url}/positions/${positionId}/translations`)
    await translator.getByLabel('Sprache').selectOption('ar')
    await translator.getByLabel('Titel').fill('تصريح عمل دون فترة انتظار')
    const text = translator.getByRole('textbox', { name: 'Text', exact: true })
    await expect(text.getAttribute('contenteditable')).resolves.toBe('true')
    await expect(text.getAttribute('dir')).resolves.toBe('rtl')
    await expect(text.getAttribute('lang')).resolves.toBe('ar')
    await text.click()
    await translator.keyboard.type('من يريد العمل ')
    await translator.getByRole('toolbar', { name: 'Formatierung' }).getByRole('button', { name: 'Fett' }).click()
    await translator.keyboard.type('يجب أن يُسمح له')
    await translator.keyboard.press('Control+b')
    await translator.keyboard.type(' بالعمل.')
    await checkPage(translator, '90-translator-editor-ar')
    await clickAndWait(translator, translator.getByRole('button', { name: 'Übersetzung anlegen' }))
    await expect(translator.getByText('Die Übersetzung ist gespeichert.').isVisible()).resolves.toBe(true)
  })

  it('lets the spokesperson publish it, and a visitor reads it right to left with the bold', async () => {
    const page = await pageAs(browser, server.url, { email: demoEmail('Thomas Krüger'), password: DEMO_PASSWORD })
    await page.goto(`${server.url}/positions/${positionId}/translations`)
    await clickAndWait(page, page.getByRole('button', { name: 'Veröffentlichen' }))
    await expect(page.getByText('Die Übersetzung ist veröffentlicht.').isVisible()).resolves.toBe(true)

    const visitor = await (await newContext(browser)).newPage()
    await visitor.goto(`${server.url}/p/${slug}/ar`)
    await checkPage(visitor, '91-translator-public-ar')
    const article = visitor.locator('article.public-position')
    await expect(article.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl')
    const bold = article.locator('strong')
    await expect(bold.textContent()).resolves.toBe('يجب أن يُسمح له')
    await expect(bold.evaluate((el) => Number(getComputedStyle(el).fontWeight))).resolves.toBeGreaterThanOrEqual(600)
    await expect(article.locator('p', { hasText: 'من يريد العمل' }).textContent()).resolves.toBe('من يريد العمل يجب أن يُسمح له بالعمل.')
  })

  it('opens the saved translation in the editor again, bold and all', async () => {
    await translator.goto(`${server.url}/positions/${positionId}/translations`)
    await clickAndWait(translator, translator.getByRole('link', { name: 'Bearbeiten' }))
    const text = translator.getByRole('textbox', { name: 'Text', exact: true })
    await expect(text.locator('strong').textContent()).resolves.toBe('يجب أن يُسمح له')
    await expect(text.getAttribute('dir')).resolves.toBe('rtl')
    await checkPage(translator, '92-translator-edit-ar')
  })
})

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
import { startServer, type E2eServer } from './support/server.ts'

// The demo alliance as a journalist meets it: the list and a published position say who
// speaks and how to reach them; the position is offered in Arabic (right to left) and Ukrainian;
// "Über uns" and the Impressum are one click away. Then the admin's profile page and the
// spokesperson's translations page. Screenshots at 1280 and 360 px land in tests/e2e/screenshots/.
describe('the alliance’s public voice', () => {
  let server: E2eServer
  let browser: Browser
  let visitor: Page
  let slug: string

  const NAME = 'Bündnis Bleiberecht Niedersachsen'

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-e2e-voice-'))
    const code = await runCli(['demo'], { env: { DATA_DIR: dataDir, LANG: 'de_DE.UTF-8' }, print: () => {}, printError: () => {} })
    expect(code).toBe(0)
    ;[server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()])
    visitor = await (await newContext(browser)).newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows the alliance with its logo in the header and its contact in the footer of /p', async () => {
    await visitor.goto(`${server.url}/p`)
    await checkPage(visitor, '80-voice-public-list')
    const header = visitor.locator('header.site-header')
    await expect(header.getByRole('link', { name: NAME }).isVisible()).resolves.toBe(true)
    const logo = header.locator('img.publisher-logo')
    await expect(logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(240)
    const footer = visitor.locator('footer.site-footer')
    await expect(footer.getByRole('link', { name: 'kontakt@bleiberecht-niedersachsen.example' }).isVisible()).resolves.toBe(true)
    await expect(footer.getByRole('link', { name: 'Impressum' }).isVisible()).resolves.toBe(true)
    await expect(footer.getByRole('link', { name: 'Datenschutzerklärung' }).isVisible()).resolves.toBe(true)
    const href = await visitor.getByRole('link', { name: 'Unabhängige Beschwerdestelle für Unterkünfte' }).getAttribute('href')
    slug = href!.replace('/p/', '')
  })

  it('offers the published position in Arabic and Ukrainian', async () => {
    await visitor.goto(`${server.url}/p/${slug}`)
    await checkPage(visitor, '81-voice-position-de')
    const languages = visitor.getByRole('navigation', { name: 'Auch in diesen Sprachen' })
    await expect(languages.getByRole('link', { name: 'العربية' }).getAttribute('hreflang')).resolves.toBe('ar')
    await expect(languages.getByRole('link', { name: 'Українська' }).getAttribute('hreflang')).resolves.toBe('uk')
    await expect(visitor.locator('meta[property="og:image"]').getAttribute('content')).resolves.toMatch(/\/alliance\/logo\?v=\d+$/)
  })

  it('shows the Arabic translation right to left, saying which version it renders and that the German counts', async () => {
    await visitor.getByRole('navigation', { name: 'Auch in diesen Sprachen' }).getByRole('link', { name: 'العربية' }).click()
    await visitor.waitForURL(`${server.url}/p/${slug}/ar`)
    await checkPage(visitor, '82-voice-translation-ar')
    const article = visitor.locator('article.public-position')
    await expect(article.getAttribute('lang')).resolves.toBe('ar')
    await expect(article.getAttribute('dir')).resolves.toBe('rtl')
    await expect(article.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl')
    await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('هيئة شكاوى مستقلة لمراكز الإيواء')
    await expect(visitor.getByText('Maßgeblich ist die beschlossene Fassung auf Deutsch:').isVisible()).resolves.toBe(true)
    await expect(visitor.getByText('Übersetzung von Fassung 1, Prüfsumme').isVisible()).resolves.toBe(true)
  })

  it('shows the Ukrainian translation left to right', async () => {
    await visitor.goto(`${server.url}/p/${slug}/uk`)
    await checkPage(visitor, '83-voice-translation-uk')
    const article = visitor.locator('article.public-position')
    await expect(article.getAttribute('lang')).resolves.toBe('uk')
    await expect(article.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('ltr')
  })

  it('lists only the Arabic positions when /p is filtered by language', async () => {
    await visitor.goto(`${server.url}/p`)
    await visitor.getByLabel('Sprache').selectOption('ar')
    await visitor.getByRole('button', { name: 'Suchen' }).click()
    await visitor.waitForURL(/lang=ar/)
    await checkPage(visitor, '84-voice-list-ar')
    await expect(visitor.locator('.public-card-title a').allTextContents()).resolves.toEqual(['هيئة شكاوى مستقلة لمراكز الإيواء'])
  })

  it('has an "Über uns" page and an Impressum', async () => {
    await visitor.goto(`${server.url}/ueber-uns`)
    await checkPage(visitor, '85-voice-about')
    await expect(visitor.getByRole('listitem').filter({ hasText: 'Refugee Law Clinic Göttingen' }).count()).resolves.toBe(1)
    await visitor.goto(`${server.url}/impressum`)
    await checkPage(visitor, '86-voice-imprint')
    await expect(visitor.getByText('Verantwortlich: Sabine Hoffmann').isVisible()).resolves.toBe(true)
  })

  it('lets the admin edit the profile and the spokesperson the translations', async () => {
    const admin = await (await newContext(browser)).newPage()
    await login(admin, server.url, demoEmail('Sabine Hoffmann'), DEMO_PASSWORD)
    await admin.goto(`${server.url}/admin/alliance`)
    await checkPage(admin, '87-voice-admin-profile')
    await admin.getByLabel('Pressekontakt').fill('Thomas Krüger, 0511 123456')
    await admin.getByRole('button', { name: 'Profil speichern' }).click()
    await admin.waitForURL(/saved=profile/)
    await expect(admin.getByText('Das Bündnisprofil ist gespeichert.').isVisible()).resolves.toBe(true)

    const spokesperson = await (await newContext(browser)).newPage()
    await login(spokesperson, server.url, demoEmail('Thomas Krüger'), DEMO_PASSWORD)
    const json = (await (await spokesperson.request.get(`${server.url}/api/public/positions/${slug}`)).json()) as { translations: Array<{ language: string }> }
    expect(json.translations.map((tr) => tr.language)).toEqual(['ar', 'uk'])
    await visitor.goto(`${server.url}/p/${slug}`)
    await expect(visitor.locator('footer.site-footer').getByText('Thomas Krüger, 0511 123456').isVisible()).resolves.toBe(true)
  })
})

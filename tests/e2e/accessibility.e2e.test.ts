import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs, expectStatus, type ApiClient } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { contrast, focusRingOf } from './support/focus-ring.ts'
import { login } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { unreachableTableCells } from './support/reflow.ts'
import { FIRST_ADMIN, seedFirstAdmin, seedPerson } from './support/seed.ts'
import { addToGroup, addToInitiative, seedGroup, seedInitiative } from './support/seed-alliance.ts'
import { seedPosition, seedRound } from './support/seed-position.ts'
import { startServer, type E2eServer } from './support/server.ts'

// What a WCAG 2.1 AA audit checks beyond axe: the focus ring's contrast, tables within reach at
// 320 px, German content marked as German in the English interface, the error summary of a
// refused form, presence announcements, and a few small faults it found.
describe('accessibility beyond axe', () => {
  let server: E2eServer
  let browser: Browser
  let admin: ApiClient
  let draftId: string
  let publishedSlug: string
  let adoptedId: string

  const ADMIN = FIRST_ADMIN
  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: 'Wir treffen uns jeden Dienstag im Café' }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@refugees-welcome.example', password: 'Fahrradwerkstatt hinter dem Bahnhof' }
  const JOSEF = { name: 'Josef Brandt', email: 'josef@buendnis.example', password: 'Sonntags backen wir Brot für das Hoffest' }
  const INITIATIVE = 'Internationales Begegnungscafé Winsen an der Luhe'
  const GROUP = 'AG Wohnen und Unterbringung'
  const DRAFT_TITLE = 'Sprachkurse für alle von Anfang an'
  const PUBLISHED_TITLE = 'Wohnungen statt Sammelunterkünfte'
  const SUMMARY = 'Das Bündnis fordert eigene Wohnungen für Geflüchtete.'

  async function openAs(account: { email: string; password: string } | null, options = {}): Promise<Page> {
    const page = await (await newContext(browser, options)).newPage()
    if (account) await login(page, server.url, account.email, account.password)
    return page
  }

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    admin = await seedFirstAdmin(server, ADMIN)
    const initiativeId = await seedInitiative(admin, { name: INITIATIVE })
    const groupId = await seedGroup(admin, { name: GROUP })
    for (const [i, person] of [LENA, MURAT].entries()) {
      const id = await seedPerson(admin, person)
      if (i === 0) await addToInitiative(admin, initiativeId, id)
      await addToGroup(admin, groupId, id, i === 0)
    }
    await seedPerson(admin, { ...JOSEF, roles: ['spokesperson'] })

    const lena = await apiAs(server, LENA)
    draftId = await seedPosition(lena, groupId, DRAFT_TITLE)
    adoptedId = await seedPosition(lena, groupId, PUBLISHED_TITLE)
    const closesAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString()
    const roundId = await seedRound(lena, adoptedId, { kind: 'consent', quorum: 0.5, closesAt })
    expectStatus(await lena.put(`/api/rounds/${roundId}/ballot`, { choice: 'consent' }), 200, 'ballot')
    expectStatus(await lena.post(`/api/rounds/${roundId}/close`), 200, 'close')
    const josef = await apiAs(server, JOSEF)
    publishedSlug = (expectStatus(await josef.post(`/api/positions/${adoptedId}/publish`, { summary: SUMMARY }), 200, 'publish') as { slug: string }).slug
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('draws a focus ring of at least 3:1 around light and dark controls', async () => {
    const visitor = await openAs(null)
    await visitor.goto(`${server.url}/login`)
    await checkPage(visitor, 'a11y-01-login')

    // A link in the grey header: the ring is drawn on the header's background.
    const headerLink = visitor.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Anmelden' })
    const light = await focusRingOf(headerLink)
    expect(light.outlineStyle).toBe('solid')
    expect(light.outlineWidth).toBeGreaterThanOrEqual(2)
    expect(contrast(light.outline, light.backdrop)).toBeGreaterThanOrEqual(3)

    // A blue button on the white page: ring against the page, halo against the button.
    const button = visitor.getByRole('main').getByRole('button', { name: 'Anmelden' })
    const dark = await focusRingOf(button)
    expect(dark.own).not.toBeNull()
    expect(contrast(dark.outline, dark.backdrop)).toBeGreaterThanOrEqual(3)
    expect(dark.halo).not.toBeNull()
    expect(contrast(dark.halo!, dark.own!)).toBeGreaterThanOrEqual(3)
    await visitor.context().close()
  })

  it('brings a refused form back with the error count in the title and the focus on a summary that links to the field', async () => {
    const page = await openAs(ADMIN)
    await page.goto(`${server.url}/admin/initiatives`)
    await page.getByLabel('Kurzname in Adressen (Slug)').fill('Ä Ö Ü')
    await page.getByLabel('Name', { exact: true }).fill('Sprachcafé Lüneburg')
    await clickAndWait(page, page.getByRole('button', { name: 'Anlegen' }))
    await expect(page.title()).resolves.toMatch(/^Fehler \(1\): Initiativen · Administration · Sprachrohr$/)
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary')
    const summary = page.locator('#error-summary')
    await expect(summary.getByRole('heading').textContent()).resolves.toBe('Das Formular hat einen Fehler')
    await checkPage(page, 'a11y-02-admin-form-refused')
    await summary.getByRole('link').click()
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('new-initiative-slug')

    // The same summary on the account page, in English.
    await page.goto(`${server.url}/me`)
    await clickAndWait(page, page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Switch to English' }))
    await page.getByLabel('Current password').fill('not my password at all')
    await page.getByLabel('New password', { exact: true }).fill('Ein ganz neues langes Passwort')
    await page.getByLabel('Repeat new password').fill('Ein ganz neues langes Passwort')
    await clickAndWait(page, page.getByRole('button', { name: 'Change password' }))
    await expect(page.title()).resolves.toMatch(/^Error \(1\): /)
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary')
    await expect(page.locator('#error-summary a').getAttribute('href')).resolves.toBe('#me-current-password')
    await checkPage(page, 'a11y-03-me-refused-en')
    // The choice is kept with the account: back to German for the tests that follow.
    await clickAndWait(page, page.getByRole('button', { name: 'Auf Deutsch umschalten' }))
    await page.context().close()
  })

  it('keeps every cell of the admin tables in reach at 320 px, people with all their roles', async () => {
    const page = await openAs(ADMIN)
    await page.setViewportSize({ width: 320, height: 740 })
    for (const [path, name] of [['/admin/people', 'people'], ['/admin/initiatives', 'initiatives'], ['/admin/groups', 'groups']] as const) {
      await page.goto(server.url + path)
      await expect(unreachableTableCells(page)).resolves.toEqual([])
      // Each row is a card whose cells say which column they belong to.
      await expect(page.locator('main table tbody td').first().evaluate((td) => getComputedStyle(td, '::before').content)).resolves.not.toBe('none')
      await checkPage(page, `a11y-04-admin-${name}-320`)
    }
    await page.goto(`${server.url}/admin/people`)
    const lena = page.getByRole('row', { name: new RegExp(LENA.name) })
    await expect(lena.textContent()).resolves.toContain(`Delegierte*r (${INITIATIVE})`)
    await expect(lena.textContent()).resolves.toContain(`Koordination (${GROUP})`)
    await expect(page.getByRole('row', { name: new RegExp(JOSEF.name) }).textContent()).resolves.toContain('Sprecher*in')
    await page.context().close()
  })

  it('marks German content as German in the English interface', async () => {
    const page = await openAs(LENA)
    await clickAndWait(page, page.getByRole('button', { name: 'Switch to English' }))
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en')
    const langOf = (selector: string) => page.locator(selector).first().evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))
    await page.goto(server.url + '/')
    await expect(page.getByRole('link', { name: GROUP }).getAttribute('lang')).resolves.toBe('de')
    await expect(page.getByRole('link', { name: DRAFT_TITLE }).getAttribute('lang')).resolves.toBe('de')
    await checkPage(page, 'a11y-05-start-en')

    await page.goto(`${server.url}/positions/${draftId}`)
    await expect(langOf('h1')).resolves.toBe('de')
    await page.locator('#editor .ProseMirror').waitFor()
    await expect(langOf('#editor .ProseMirror')).resolves.toBe('de')
    await expect(langOf('.breadcrumb a')).resolves.toBe('de')
    await checkPage(page, 'a11y-06-position-en')

    await page.goto(`${server.url}/p`)
    await expect(page.getByRole('link', { name: PUBLISHED_TITLE }).getAttribute('lang')).resolves.toBe('de')
    await expect(langOf('.public-card-summary')).resolves.toBe('de')
    await checkPage(page, 'a11y-07-public-list-en')

    await page.goto(`${server.url}/p/${publishedSlug}`)
    await expect(langOf('h1')).resolves.toBe('de')
    await expect(langOf('.public-summary')).resolves.toBe('de')
    await expect(langOf('.public-text')).resolves.toBe('de')
    await checkPage(page, 'a11y-08-public-position-en')
    await clickAndWait(page, page.getByRole('button', { name: 'Auf Deutsch umschalten' }))
    await page.context().close()
  })

  it('announces who joins and leaves the draft, politely', async () => {
    const lena = await openAs(LENA)
    await lena.goto(`${server.url}/positions/${draftId}`)
    const region = lena.locator('[data-presence-announce]')
    await expect(region.getAttribute('aria-live')).resolves.toBe('polite')
    await lena.locator('#editor .ProseMirror').waitFor()
    const murat = await openAs(MURAT)
    await murat.goto(`${server.url}/positions/${draftId}`)
    await lena.waitForFunction((name) => document.querySelector('[data-presence-announce]')?.textContent === `${name} ist dazugekommen.`, MURAT.name, { timeout: 10_000 })
    await murat.context().close()
    await lena.waitForFunction((name) => document.querySelector('[data-presence-announce]')?.textContent === `${name} ist gegangen.`, MURAT.name, { timeout: 40_000 })
    await lena.context().close()
  })

  it('fixes the small faults: language button, admin title, hidden link button, time zone', async () => {
    const page = await openAs(LENA)
    // The language button speaks the language it switches to, all of it.
    const switcher = page.getByRole('button', { name: 'Switch to English', exact: true })
    await expect(switcher.getAttribute('lang')).resolves.toBe('en')

    await page.goto(`${server.url}/positions/${draftId}`)
    const editor = page.getByRole('textbox', { name: 'Text der Position' })
    await editor.click()
    await page.keyboard.press('ControlOrMeta+k')
    await expect(page.getByLabel('Adresse des Links').isVisible()).resolves.toBe(true)
    // Nothing to remove where there is no link yet.
    await expect(page.getByRole('button', { name: 'Link entfernen' }).isVisible()).resolves.toBe(false)
    await page.keyboard.press('Escape')

    // Dates name their zone, deadlines included.
    await page.goto(`${server.url}/positions/${adoptedId}`)
    await expect(page.locator('main').textContent()).resolves.toMatch(/\d\d:\d\d (MEZ|MESZ)/)
    await page.context().close()

    const adminPage = await openAs(ADMIN)
    await adminPage.goto(`${server.url}/admin`)
    await expect(adminPage.title()).resolves.toBe('Administration · Sprachrohr')
    await adminPage.context().close()
  })
})

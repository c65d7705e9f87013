import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login, logout, submitLogin } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { startServer, type E2eServer } from './support/server.ts'

// One story across the tests below, in order: a fresh installation gets its first admin, the
// admin sets up an initiative and invites a delegate, and that delegate gets in.
describe('first run: admin setup, an initiative, an invited person', () => {
  let server: E2eServer
  let browser: Browser
  let admin: Page
  let setupUrl: string
  let inviteUrl: string

  const ADMIN = { name: 'Aylin Demir', email: 'aylin@buendnis.example', password: 'Kaffee am Hafen um halb acht' }
  const PERSON = { name: 'Jonas Weber', email: 'jonas@cafe-winsen.example', password: 'Unser Café öffnet jeden Dienstag' }
  const INITIATIVE = 'Internationales Café Winsen'

  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' })

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    admin = await (await newContext(browser)).newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('prints a one-time setup link on the first start, which creates the first admin', async () => {
    const match = await server.waitForOutput(/(http:\/\/\S+\/setup\/[A-Za-z0-9._~-]+)/)
    setupUrl = match[1]!
    expect(new URL(setupUrl).origin).toBe(server.url)

    await admin.goto(setupUrl)
    await expect(admin.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Zugang einrichten')
    await checkPage(admin, '01-setup-first-admin')

    await admin.getByLabel('Name', { exact: true }).fill(ADMIN.name)
    await admin.getByLabel('E-Mail', { exact: true }).fill(ADMIN.email)
    await admin.getByLabel('Passwort', { exact: true }).fill(ADMIN.password)
    await admin.getByLabel('Passwort wiederholen', { exact: true }).fill(ADMIN.password)
    await admin.getByRole('button', { name: 'Zugang einrichten' }).click()

    await admin.waitForURL(`${server.url}/`)
    await expect(mainNav(admin).getByRole('button', { name: 'Abmelden' }).isVisible()).resolves.toBe(true)
    await expect(mainNav(admin).getByRole('link', { name: 'Administration' }).isVisible()).resolves.toBe(true)
    await checkPage(admin, '02-start-admin')
  })

  it('does not accept the setup link a second time', async () => {
    const stranger = await (await newContext(browser)).newPage()
    const res = await stranger.goto(setupUrl)
    expect(res?.status()).toBe(404)
    await expect(stranger.getByRole('alert').textContent()).resolves.toContain('ungültig')
    await expect(stranger.getByLabel('Passwort', { exact: true }).count()).resolves.toBe(0)
    await checkPage(stranger, '03-setup-link-used')
    await stranger.context().close()
  })

  it('lets the admin create an initiative', async () => {
    await mainNav(admin).getByRole('link', { name: 'Administration' }).click()
    await admin.waitForURL(`${server.url}/admin`)
    await checkPage(admin, '04-admin-overview')

    await admin.getByRole('navigation', { name: 'Bereiche der Administration' }).getByRole('link', { name: 'Initiativen' }).click()
    await admin.waitForURL(`${server.url}/admin/initiatives`)
    await checkPage(admin, '05-admin-initiatives-empty')

    await admin.getByLabel('Name', { exact: true }).fill(INITIATIVE)
    await admin.getByRole('button', { name: 'Anlegen' }).click()
    await admin.waitForURL(/\/admin\/initiatives\/[^/?]+\?saved=1$/)
    await expect(admin.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(INITIATIVE)
    // The slug was made from the name, German-aware and lower case.
    await expect(admin.getByLabel('Kurzname in Adressen (Slug)').inputValue()).resolves.toBe('internationales-cafe-winsen')
    await checkPage(admin, '06-admin-initiative-created')

    await admin.getByRole('link', { name: 'Zurück zur Liste' }).click()
    await admin.waitForURL(`${server.url}/admin/initiatives`)
    await expect(admin.getByRole('row', { name: new RegExp(INITIATIVE) }).isVisible()).resolves.toBe(true)
    await checkPage(admin, '07-admin-initiatives-list')
  })

  it('lets the admin invite a person and shows the invite link once', async () => {
    await admin.getByRole('navigation', { name: 'Bereiche der Administration' }).getByRole('link', { name: 'Personen' }).click()
    await admin.waitForURL(`${server.url}/admin/people`)
    await checkPage(admin, '08-admin-people')

    await admin.getByLabel('Name', { exact: true }).fill(PERSON.name)
    await admin.getByLabel('E-Mail-Adresse', { exact: true }).fill(PERSON.email)
    await clickAndWait(admin, admin.getByRole('button', { name: 'Person anlegen und Einladungslink erzeugen' }))

    const invite = admin.getByRole('region', { name: `Einladungslink für ${PERSON.name}` })
    inviteUrl = (await invite.locator('code').textContent())!.trim()
    expect(inviteUrl).toMatch(new RegExp(`^${server.url}/setup/[A-Za-z0-9._~-]+$`))
    await expect(admin.getByRole('row', { name: new RegExp(PERSON.name) }).textContent()).resolves.toContain('eingeladen, noch kein Passwort')
    await checkPage(admin, '09-admin-person-invited')
  })

  it('lets the admin make the invited person a delegate of the initiative', async () => {
    await admin.getByRole('navigation', { name: 'Bereiche der Administration' }).getByRole('link', { name: 'Initiativen' }).click()
    await admin.getByRole('link', { name: INITIATIVE }).click()
    await admin.getByLabel('Person', { exact: true }).selectOption({ label: `${PERSON.name} (${PERSON.email})` })
    await admin.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Delegierte*r' })
    await admin.getByRole('button', { name: 'Person hinzufügen' }).click()
    await admin.waitForURL(/\?saved=1#initiative-members$/)
    const row = admin.getByRole('row', { name: new RegExp(PERSON.name) })
    await expect(row.getByRole('combobox').inputValue()).resolves.toBe('delegate')
    await checkPage(admin, '10-admin-initiative-with-delegate')
  })

  it('lets the invited person set a password, log out and log in again', async () => {
    const person = await (await newContext(browser)).newPage()
    await person.goto(inviteUrl)
    await expect(person.getByText(`Hallo ${PERSON.name}`).isVisible()).resolves.toBe(true)
    await expect(person.getByLabel('E-Mail', { exact: true }).inputValue()).resolves.toBe(PERSON.email)
    await checkPage(person, '11-setup-invited-person')

    await person.getByLabel('Passwort', { exact: true }).fill(PERSON.password)
    await person.getByLabel('Passwort wiederholen', { exact: true }).fill(PERSON.password)
    await person.getByRole('button', { name: 'Zugang einrichten' }).click()
    await person.waitForURL(`${server.url}/`)
    await expect(mainNav(person).getByRole('button', { name: 'Abmelden' }).isVisible()).resolves.toBe(true)
    // A delegate is no admin.
    await expect(mainNav(person).getByRole('link', { name: 'Administration' }).count()).resolves.toBe(0)
    await checkPage(person, '12-start-delegate')

    await logout(person)
    await expect(mainNav(person).getByRole('link', { name: 'Anmelden' }).isVisible()).resolves.toBe(true)
    await checkPage(person, '13-start-logged-out')

    await submitLogin(person, server.url, PERSON.email, 'falsches Passwort')
    // The refusal is the first thing read: counted in the title, focus on the error summary.
    await expect(person.title()).resolves.toBe('Fehler (1): Anmelden · Sprachrohr')
    await expect(person.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary')
    await expect(person.locator('#error-summary').textContent()).resolves.toContain('E-Mail oder Passwort stimmt nicht')
    await expect(person.getByLabel('E-Mail', { exact: true }).inputValue()).resolves.toBe(PERSON.email)
    await checkPage(person, '14-login-failed')

    await login(person, server.url, PERSON.email, PERSON.password)
    await mainNav(person).getByRole('link', { name: 'Mein Konto' }).click()
    await person.waitForURL(`${server.url}/me`)
    await expect(person.getByText(`Angemeldet als ${PERSON.email}`).isVisible()).resolves.toBe(true)
    await checkPage(person, '15-me-delegate')
    await person.context().close()
  })
})

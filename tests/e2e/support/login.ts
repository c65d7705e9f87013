import type { Browser, Page } from 'playwright-core'
import { newContext } from './browser.ts'
import { clickAndWait } from './navigation.ts'

/**
 * Fills and sends the /login form the way a person does (German UI). Resolves when the answer
 * has loaded: the page behind the login on success, the login form with a message otherwise.
 */
export async function submitLogin(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('E-Mail', { exact: true }).fill(email)
  await page.getByLabel('Passwort', { exact: true }).fill(password)
  await clickAndWait(page, page.getByRole('main').getByRole('button', { name: 'Anmelden', exact: true }))
}

/** Logs in through the form and fails unless the browser left the login page. */
export async function login(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await submitLogin(page, baseUrl, email, password)
  if (new URL(page.url()).pathname === '/login') {
    const message = await page.locator('#error-summary').textContent().catch(() => null)
    throw new Error(`login as ${email} failed${message ? `: ${message.trim()}` : ''}`)
  }
}

/** Logs out with the button in the page header and waits for the next page. */
export async function logout(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' })
  await clickAndWait(page, nav.getByRole('button', { name: 'Abmelden', exact: true }))
}

/** A page in a browser context of its own (one person, German locale), logged in as `account` through the form. */
export async function pageAs(browser: Browser, baseUrl: string, account: { email: string; password: string }): Promise<Page> {
  const page = await (await newContext(browser)).newPage()
  await login(page, baseUrl, account.email, account.password)
  return page
}

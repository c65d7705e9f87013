import type { Page } from 'playwright-core'

/**
 * Logs in through the /login form the way a person does (German UI), and waits until the app
 * has sent the browser on from the login page.
 */
export async function login(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('E-Mail', { exact: true }).fill(email)
  await page.getByLabel('Passwort', { exact: true }).fill(password)
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'load' }),
    page.getByRole('main').getByRole('button', { name: 'Anmelden', exact: true }).click(),
  ])
}

/** Logs out with the button in the page header and waits for the next page. */
export async function logout(page: Page): Promise<void> {
  await Promise.all([
    page.waitForEvent('framenavigated'),
    page.getByRole('navigation').getByRole('button', { name: 'Abmelden', exact: true }).click(),
  ])
  await page.waitForLoadState('load')
}

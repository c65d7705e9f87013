import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login } from './support/login.ts'
import { seedFirstAdmin, seedPerson } from './support/seed.ts'
import { startServer, type E2eServer } from './support/server.ts'

// Café Winsen cannot attend and hands its vote to Lena Wagner (Solidarisches Osnabrück), who
// answers for both initiatives; the Diakonie (weight 3) splits its vote.
describe('handing on a vote and splitting one', () => {
  let server: E2eServer
  let browser: Browser
  let jonas: Page
  let lena: Page
  let murat: Page
  let roundId: string
  const COORD = { name: 'Aylin Demir', email: 'aylin@buendnis.example', password: 'Kaffee am Hafen um halb acht' }
  const JONAS = { name: 'Jonas Weber', email: 'jonas@cafe-winsen.example', password: 'Unser Café öffnet jeden Dienstag', initiative: 'Café Winsen', weight: 1 }
  const LENA = { name: 'Lena Wagner', email: 'lena@solidarisch.example', password: 'Sprachcafé am Samstagvormittag', initiative: 'Solidarisches Osnabrück', weight: 1 }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@diakonie.example', password: 'Fahrradwerkstatt hinter dem Bahnhof', initiative: 'Diakonie Lüneburg', weight: 3 }

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    const admin = await seedFirstAdmin(server, COORD)
    const groupId = expectStatus(await admin.post('/api/groups', { name: 'AG Wohnen' }), 201, 'group').id
    for (const d of [JONAS, LENA, MURAT]) {
      const initiative = expectStatus(await admin.post('/api/initiatives', { name: d.initiative, weight: d.weight }), 201, 'initiative')
      const id = await seedPerson(admin, { name: d.name, email: d.email, password: d.password })
      expectStatus(await admin.post(`/api/initiatives/${initiative.id}/members`, { personId: id, role: 'delegate' }), 201, 'delegate')
    }
    const position = expectStatus(await admin.post('/api/positions', { groupId, title: 'Wohnungen statt Sammelunterkünfte' }), 201, 'position')
    roundId = expectStatus(
      await admin.post(`/api/positions/${position.id}/rounds`, {
        kind: 'vote',
        electorate: 'initiatives',
        majority: 'simple',
        quorum: 0.5,
        allowSplit: true,
        closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      }),
      201,
      'round',
    ).id
    jonas = await (await newContext(browser)).newPage()
    lena = await (await newContext(browser)).newPage()
    murat = await (await newContext(browser)).newPage()
    await login(jonas, server.url, JONAS.email, JONAS.password)
    await login(lena, server.url, LENA.email, LENA.password)
    await login(murat, server.url, MURAT.email, MURAT.password)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('Café Winsen hands its vote to Lena Wagner from the round page', async () => {
    await jonas.goto(`${server.url}/rounds/${roundId}`)
    await checkPage(jonas, 'px-01-hand-on-form')
    await jonas.getByLabel('An wen?').selectOption({ label: `${LENA.name} (${LENA.initiative})` })
    await jonas.getByRole('button', { name: 'Stimme übertragen' }).click()
    await jonas.waitForURL(/\/rounds\//)
    await expect(jonas.getByRole('region', { name: 'Stimmübertragungen' }).textContent()).resolves.toContain(
      'Café Winsen hat seine Stimme für diese Runde an Lena Wagner (Solidarisches Osnabrück) übertragen',
    )
    await checkPage(jonas, 'px-02-handed-on')
  })

  it('Lena answers for Café Winsen, choosing the initiative', async () => {
    await lena.goto(`${server.url}/rounds/${roundId}`)
    await lena.getByLabel('für Café Winsen (übertragen)').check()
    await lena.getByLabel('Ja', { exact: true }).check()
    await checkPage(lena, 'px-03-ballot-for-whom')
    await lena.getByRole('button', { name: 'Antwort abgeben' }).click()
    await lena.waitForURL(/saved=1/)
  })

  it('the Diakonie splits its weight of 3', async () => {
    await murat.goto(`${server.url}/rounds/${roundId}`)
    await checkPage(murat, 'px-04-split-form')
    await murat.locator('input[name="part_yes"]').fill('2')
    await murat.locator('input[name="part_abstain"]').fill('1')
    await murat.getByRole('button', { name: 'Geteilte Stimme abgeben' }).click()
    await murat.waitForURL(/saved=1/)
    await checkPage(murat, 'px-05-split-cast')
  })
})

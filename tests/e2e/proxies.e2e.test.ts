import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiLogin } from './support/api.ts'
import { launchBrowser } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { paragraphs, writeDraft } from './support/draft-writer.ts'
import { pageAs } from './support/login.ts'
import { FIRST_ADMIN, seedFirstAdmin } from './support/seed.ts'
import { seedDelegate, seedGroup, seedInitiative } from './support/seed-alliance.ts'
import { seedPosition, seedRound } from './support/seed-position.ts'
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
  const JONAS = { name: 'Jonas Weber', email: 'jonas@cafe-winsen.example', password: 'Unser Café öffnet jeden Dienstag', initiative: 'Café Winsen', weight: 1 }
  const LENA = { name: 'Lena Wagner', email: 'lena@solidarisch.example', password: 'Sprachcafé am Samstagvormittag', initiative: 'Solidarisches Osnabrück', weight: 1 }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@diakonie.example', password: 'Fahrradwerkstatt hinter dem Bahnhof', initiative: 'Diakonie Lüneburg', weight: 3 }
  // The text the vote is about, written into the draft before the round freezes it.
  const TEXT = paragraphs(
    'Geflüchtete sollen spätestens drei Monate nach ihrer Ankunft aus der Sammelunterkunft in eine eigene Wohnung ziehen dürfen.',
    'Der Landkreis mietet dafür Wohnungen an, übernimmt Kaution und Maklerkosten und vermittelt zwischen Vermieter*innen und Mieter*innen.',
    'Familien mit Kindern, Kranke und Menschen mit Behinderung ziehen zuerst um.',
  )

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    const admin = await seedFirstAdmin(server, FIRST_ADMIN)
    const groupId = await seedGroup(admin, { name: 'AG Wohnen' })
    for (const d of [JONAS, LENA, MURAT]) {
      const initiativeId = await seedInitiative(admin, { name: d.initiative, weight: d.weight })
      await seedDelegate(admin, { name: d.name, email: d.email, password: d.password }, { initiativeId })
    }
    const positionId = await seedPosition(admin, groupId, 'Wohnungen statt Sammelunterkünfte')
    await writeDraft(server, await apiLogin(server, FIRST_ADMIN.email, FIRST_ADMIN.password), positionId, TEXT)
    roundId = await seedRound(admin, positionId, {
      kind: 'vote',
      electorate: 'initiatives',
      majority: 'simple',
      quorum: 0.5,
      allowSplit: true,
      closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    })
    jonas = await pageAs(browser, server.url, JONAS)
    lena = await pageAs(browser, server.url, LENA)
    murat = await pageAs(browser, server.url, MURAT)
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
    // The ballot shows the text being decided, frozen from the draft when the round opened.
    await expect(lena.getByRole('main').getByText('Familien mit Kindern, Kranke und Menschen mit Behinderung ziehen zuerst um.').isVisible()).resolves.toBe(true)
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

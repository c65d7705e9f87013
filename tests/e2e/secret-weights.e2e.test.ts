import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs, expectStatus } from './support/api.ts'
import { launchBrowser } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { pageAs } from './support/login.ts'
import { FIRST_ADMIN, seedFirstAdmin, seedPerson } from './support/seed.ts'
import { addToGroup, seedDelegate, seedGroup, seedInitiative } from './support/seed-alliance.ts'
import { seedPosition, seedRound } from './support/seed-position.ts'
import { startServer, type E2eServer } from './support/server.ts'

// Initiatives with different vote weights decide in a secret vote; the coordinator sees the
// warning on the open-round form and a result that does not give away the weight-3 initiative.
describe('secret vote with different weights', () => {
  let server: E2eServer
  let browser: Browser
  let lena: Page
  let groupId: string
  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: 'Wir treffen uns jeden Dienstag im Café' }
  const DELEGATES = [
    { name: 'Murat Yıldız', email: 'murat@diakonie.example', password: 'Fahrradwerkstatt hinter dem Bahnhof', initiative: 'Diakonie Lüneburg', weight: 3, choice: 'yes' },
    { name: 'Sara Nowak', email: 'sara@refugees-welcome.example', password: 'Sprachcafé am Samstagvormittag', initiative: 'Refugees Welcome', weight: 1, choice: 'no' },
    { name: 'Amina Yusuf', email: 'amina@cafe-winsen.example', password: 'Kleiderkammer öffnet donnerstags', initiative: 'Café Winsen', weight: 1, choice: 'no' },
  ]

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    const admin = await seedFirstAdmin(server, FIRST_ADMIN)
    groupId = await seedGroup(admin, { name: 'AG Wohnen' })
    await addToGroup(admin, groupId, await seedPerson(admin, LENA), true)
    for (const d of DELEGATES) {
      const initiativeId = await seedInitiative(admin, { name: d.initiative, weight: d.weight })
      await seedDelegate(admin, { name: d.name, email: d.email, password: d.password }, { initiativeId })
    }
    lena = await pageAs(browser, server.url, LENA)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('warns on the open-round form that weights limit secrecy', async () => {
    const id = await seedPosition(await apiAs(server, LENA), groupId, 'Sprachkurse für alle')
    await lena.goto(`${server.url}/positions/${id}/rounds/new`)
    await expect(lena.locator('#open-secret-weights').textContent()).resolves.toContain('unterschiedliche Stimmgewichte (1, 3)')
    await checkPage(lena, 'sw-01-open-round-form-weights')
  })

  it('shows the outcome of the secret vote without figures that give the weight-3 initiative away', async () => {
    const coordinator = await apiAs(server, LENA)
    const id = await seedPosition(coordinator, groupId, 'Wohnungen statt Sammelunterkünfte')
    const roundId = await seedRound(coordinator, id, {
      kind: 'vote',
      electorate: 'initiatives',
      majority: 'simple',
      quorum: 0.5,
      secret: true,
      closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
    })
    for (const d of DELEGATES) {
      const client = await apiAs(server, d)
      expectStatus(await client.put(`/api/rounds/${roundId}/ballot`, { choice: d.choice }), 200, 'ballot')
    }
    expectStatus(await coordinator.post(`/api/rounds/${roundId}/close`), 200, 'close')
    await lena.goto(`${server.url}/rounds/${roundId}`)
    const result = lena.getByRole('region', { name: 'Ergebnis' })
    await expect(result.textContent()).resolves.toContain('Mit einfacher Mehrheit beschlossen')
    await expect(result.getByRole('table').count()).resolves.toBe(0)
    await checkPage(lena, 'sw-02-secret-vote-result')
  })
})

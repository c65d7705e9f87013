import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, apiLogin, expectStatus, type ApiClient } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login } from './support/login.ts'
import { seedFirstAdmin, seedPerson } from './support/seed.ts'
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

  async function position(client: ApiClient, title: string): Promise<string> {
    const created = expectStatus(await client.post('/api/positions', { groupId, title }), 201, 'position')
    return created.id as string
  }

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    const admin = await seedFirstAdmin(server, { name: 'Aylin Demir', email: 'aylin@buendnis.example', password: 'Kaffee am Hafen um halb acht' })
    groupId = expectStatus(await admin.post('/api/groups', { name: 'AG Wohnen' }), 201, 'group').id
    const lenaId = await seedPerson(admin, LENA)
    expectStatus(await admin.post(`/api/groups/${groupId}/members`, { personId: lenaId, coordinator: true }), 201, 'coordinator')
    for (const d of DELEGATES) {
      const initiative = expectStatus(await admin.post('/api/initiatives', { name: d.initiative, weight: d.weight }), 201, 'initiative')
      const id = await seedPerson(admin, { name: d.name, email: d.email, password: d.password })
      expectStatus(await admin.post(`/api/initiatives/${initiative.id}/members`, { personId: id, role: 'delegate' }), 201, 'delegate')
    }
    lena = await (await newContext(browser)).newPage()
    await login(lena, server.url, LENA.email, LENA.password)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('warns on the open-round form that weights limit secrecy', async () => {
    const id = await position(api(server, await apiLogin(server, LENA.email, LENA.password)), 'Sprachkurse für alle')
    await lena.goto(`${server.url}/positions/${id}/rounds/new`)
    await expect(lena.locator('#open-secret-weights').textContent()).resolves.toContain('unterschiedliche Stimmgewichte (1, 3)')
    await checkPage(lena, 'sw-01-open-round-form-weights')
  })

  it('shows the outcome of the secret vote without figures that give the weight-3 initiative away', async () => {
    const coordinator = api(server, await apiLogin(server, LENA.email, LENA.password))
    const id = await position(coordinator, 'Wohnungen statt Sammelunterkünfte')
    const round = expectStatus(
      await coordinator.post(`/api/positions/${id}/rounds`, {
        kind: 'vote',
        electorate: 'initiatives',
        majority: 'simple',
        quorum: 0.5,
        secret: true,
        closesAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      }),
      201,
      'round',
    )
    for (const d of DELEGATES) {
      const client = api(server, await apiLogin(server, d.email, d.password))
      expectStatus(await client.put(`/api/rounds/${round.id}/ballot`, { choice: d.choice }), 200, 'ballot')
    }
    expectStatus(await coordinator.post(`/api/rounds/${round.id}/close`), 200, 'close')
    await lena.goto(`${server.url}/rounds/${round.id}`)
    const result = lena.getByRole('region', { name: 'Ergebnis' })
    await expect(result.textContent()).resolves.toContain('Mit einfacher Mehrheit beschlossen')
    await expect(result.getByRole('table').count()).resolves.toBe(0)
    await checkPage(lena, 'sw-02-secret-vote-result')
  })
})

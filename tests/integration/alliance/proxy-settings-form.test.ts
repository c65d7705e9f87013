import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { buildRoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('the admin form for the most votes one person may carry', () => {
  it('shows the maximum on the alliance admin page, refuses a wrong number with the error summary, and saves a new one that applies', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1] })
    const [a, b, c] = world.delegates
    const admin = t.client.as(sessionCookie(t.db, buildPerson(t.db, { admin: true }).id, t.clock.now()))

    const page = await (await admin.get('/admin/alliance')).text()
    expect(page).toContain('Stimmübertragung')
    expect(page).toMatch(/<input[^>]*id="proxy-maxVotes"[^>]*value="2"/)

    // Default 2: B's delegate carries their own vote and A's, not C's as well.
    expect((await a!.client.post(`/api/initiatives/${a!.initiativeId}/proxies`, { toPersonId: b!.personId })).status).toBe(201)
    expect((await c!.client.post(`/api/initiatives/${c!.initiativeId}/proxies`, { toPersonId: b!.personId })).status).toBe(409)

    for (const wrong of ['0', 'drei', '2.5', '101']) {
      const refused = await admin.form('/admin/alliance/proxies', { maxVotes: wrong })
      expect(refused.status, wrong).toBe(400)
      const html = await refused.text()
      expect(html).toContain('id="error-summary"')
      expect(html).toContain('href="#proxy-maxVotes"')
      expect(html).toContain('Bitte gib eine ganze Zahl von 1 bis 100 an.')
      expect(html).toContain(`value="${wrong}"`)
      expect(html).toContain('aria-invalid="true"')
    }

    const saved = await admin.form('/admin/alliance/proxies', { maxVotes: '3' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe('/admin/alliance?saved=proxies')
    const after = await (await admin.get('/admin/alliance?saved=proxies')).text()
    expect(after).toContain('Die Höchstzahl der Stimmen pro Person ist gespeichert.')
    expect(after).toMatch(/<input[^>]*id="proxy-maxVotes"[^>]*value="3"/)
    expect((await c!.client.post(`/api/initiatives/${c!.initiativeId}/proxies`, { toPersonId: b!.personId })).status).toBe(201)
  })

  it('is for admins only', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    expect((await world.delegates[0]!.client.form('/admin/alliance/proxies', { maxVotes: '5' })).status).toBe(403)
    expect((await world.coordinator.get('/admin/alliance')).status).toBe(403)
  })
})

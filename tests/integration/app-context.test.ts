import { afterEach, describe, expect, it } from 'vitest'
import { buildPublishingWorld, decide, simpleDoc, writeDraftJson } from '../support/adopt.ts'
import { buildPerson, buildPosition } from '../support/factories.ts'
import { pdfText } from '../support/pdf-text.ts'
import { testApp, type TestApp } from '../support/test-app.ts'

// Every cache and throttle belongs to the app context (server/app-context.ts): two apps in one
// process (as in these tests, or two alliances served by one process) must share none of it.

const apps: TestApp[] = []
afterEach(() => {
  for (const app of apps.splice(0)) app.close()
})

async function app(): Promise<TestApp> {
  const t = await testApp()
  apps.push(t)
  return t
}

/** A publication at the same address, at the same moment of the (injected) clock, in each app. */
async function publishAt(t: TestApp, slug: string, title: string, text: string): Promise<{ roundId: string; cookie: string }> {
  const world = buildPublishingWorld(t, { initiatives: 2 })
  const position = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id, title, slug })
  writeDraftJson(t.db, position.id, simpleDoc(text))
  const { roundId } = await decide(t, world, position.id)
  const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
  expect(res.status, await res.clone().text()).toBe(200)
  return { roundId, cookie: world.coordinator.cookie }
}

async function text(res: Response): Promise<string> {
  expect(res.status).toBe(200)
  return res.text()
}

describe('the app context', () => {
  it('two apps in one process do not serve each other a kept public page, its JSON or its PDF', async () => {
    const a = await app()
    const b = await app()
    await publishAt(a, 'gleiche-adresse', 'Mieten deckeln', 'Text von Bündnis A')
    await publishAt(b, 'gleiche-adresse', 'Wasser für alle', 'Text von Bündnis B')

    expect(await text(await a.client.get('/p/gleiche-adresse'))).toContain('Mieten deckeln')
    expect(await text(await b.client.get('/p/gleiche-adresse'))).toContain('Wasser für alle')
    expect(await text(await a.client.get('/api/public/positions/gleiche-adresse'))).toContain('Mieten deckeln')
    expect(await text(await b.client.get('/api/public/positions/gleiche-adresse'))).toContain('Wasser für alle')

    const pdfOf = async (t: TestApp) => pdfText(Buffer.from(await (await t.client.get('/p/gleiche-adresse.pdf')).arrayBuffer()))
    expect(await pdfOf(a)).toContain('Mieten deckeln')
    const pdfB = await pdfOf(b)
    expect(pdfB).toContain('Wasser für alle')
    expect(pdfB).not.toContain('Mieten deckeln')
  })

  it('a login throttled in one app does not slow down the same address in another', async () => {
    const a = await app()
    const b = await app()
    const email = 'gleich@example.org'
    buildPerson(a.db, { email })
    buildPerson(b.db, { email })
    const wrong = (t: TestApp) => t.client.post('/api/session', { email, password: 'falsch-falsch' })
    let status = 401
    for (let i = 0; i < 10 && status === 401; i++) status = (await wrong(a)).status
    expect(status).toBe(429)
    expect((await wrong(b)).status).toBe(401)
    expect(b.deps.throttles.login.size).toEqual({ accounts: 1, ips: 1 })
  })

  it('shows a test what each cache holds, and lets it clear them', async () => {
    const t = await app()
    const { roundId, cookie } = await publishAt(t, 'zum-leeren', 'Leeren erlaubt', 'Ein Text')
    const caches = t.deps.caches
    expect((await t.client.as(cookie).get(`/api/rounds/${roundId}`)).status).toBe(200)
    const page = await text(await t.client.get('/p/zum-leeren'))
    await t.client.get('/p/zum-leeren.pdf')
    await t.client.get('/assets/app.css')
    expect(caches.publicResponses.size).toBeGreaterThan(0)
    expect(caches.visitorPages.size).toBe(1)
    expect(caches.pdfs.size).toBe(1)
    expect(caches.etags.size).toBeGreaterThan(0)
    expect(caches.publicationStamps.size).toBe(1)
    expect(caches.electorateTotals.size).toBe(1)
    expect(caches.staticFiles.size).toBe(1)
    expect(t.db.statements.size).toBeGreaterThan(0)

    for (const cache of Object.values(caches)) cache.clear()
    t.db.statements.clear()
    expect(Object.values(caches).map((cache) => cache.size)).toEqual([0, 0, 0, 0, 0, 0, 0])

    expect(await text(await t.client.get('/p/zum-leeren'))).toBe(page)
    expect(caches.publicResponses.size).toBe(1)
  })
})

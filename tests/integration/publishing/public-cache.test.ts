import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpServer, type RunningServer } from '../../../server/http-server.ts'
import { adoptedPosition, buildPublishingWorld, httpClient, type PublishingWorld } from '../../support/adopt.ts'
import { testApp, type TestApp, type TestClient } from '../../support/test-app.ts'

// Visitors without a session get kept copies of public responses: every change a visitor could
// see must show on their very next request, even right after the same page was served. Each
// test runs twice: through the app in process, and over HTTP, where the server answers repeated
// visits from the visitor fast path (server/http/visitor-fast-path.ts) without the app.

let t: TestApp
let world: PublishingWorld
let server: RunningServer

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t, { initiatives: 2 })
  server = await startHttpServer(t.app, t.deps, { port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await server.close()
  t.close()
})

async function published(title: string) {
  const position = await adoptedPosition(t, world, { title })
  const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
  expect(res.status).toBe(200)
  return position
}

// Who reads: the in-process client, or a client of the real server (set per describe below).
let reader: () => TestClient = () => t.client

async function page(slug: string, headers?: Record<string, string>): Promise<string> {
  const res = await reader().get(`/p/${slug}`, headers)
  expect(res.status).toBe(200)
  return res.text()
}

async function apiSignatories(slug: string): Promise<string[]> {
  const json = (await (await reader().get(`/api/public/positions/${slug}`)).json()) as { signatories: Array<{ name: string }> }
  return json.signatories.map((s) => s.name)
}

const READERS: Array<[string, () => TestClient]> = [
  ['in process', () => t.client],
  ['over HTTP', () => httpClient(server.url)],
]

describe.each(READERS)('kept copies of public responses (%s)', (_name, client) => {
  beforeAll(() => {
    reader = client
  })

  it('show a co-signature and its withdrawal on the next anonymous request', async () => {
    const position = await published('Mitzeichnen sichtbar')
    const [a] = world.delegates
    expect(await page(position.slug)).not.toContain('Mitgezeichnet von')
    expect(await apiSignatories(position.slug)).toEqual([])

    t.clock.advance(1000)
    await t.client.as(a!.cookie).post(`/api/positions/${position.id}/signatures`, { initiativeId: a!.initiativeId })
    expect(await page(position.slug)).toContain(`<li>${a!.initiativeName}</li>`)
    expect(await apiSignatories(position.slug)).toEqual([a!.initiativeName])

    t.clock.advance(1000)
    await t.client.as(a!.cookie).delete(`/api/positions/${position.id}/signatures/${a!.initiativeId}`)
    expect(await page(position.slug)).not.toContain(`<li>${a!.initiativeName}</li>`)
    expect(await apiSignatories(position.slug)).toEqual([])
  })

  it('show a withdrawal on the next anonymous request, on the page, the list, the JSON and the feed', async () => {
    const position = await published('Bald zurückgezogen')
    expect(await page(position.slug)).not.toContain('Zurückgezogen am')
    const list = await (await reader().get('/p')).text()
    expect(list).toContain('Bald zurückgezogen')
    await reader().get('/feed.atom')
    await reader().get(`/api/public/positions/${position.slug}`)

    t.clock.advance(1000)
    const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/withdraw`, { reason: 'Überholt.' })
    expect(res.status).toBe(200)
    expect(await page(position.slug)).toContain('Zurückgezogen am')
    const json = (await (await reader().get(`/api/public/positions/${position.slug}`)).json()) as { status: string }
    expect(json.status).toBe('withdrawn')
    const feed = await (await reader().get('/feed.atom')).text()
    expect(feed).toContain('Überholt.')
    const listAfter = await (await reader().get('/p')).text()
    expect(listAfter).not.toBe(list)
  })

  it('show a new publication in the list and the feed at once', async () => {
    await reader().get('/p')
    await reader().get('/feed.atom')
    await published('Ganz neu veröffentlicht')
    expect(await (await reader().get('/p')).text()).toContain('Ganz neu veröffentlicht')
    expect(await (await reader().get('/feed.atom')).text()).toContain('Ganz neu veröffentlicht')
  })

  it('show a co-signing initiative under its new name after it was renamed', async () => {
    const position = await published('Umbenennung')
    const [, b] = world.delegates
    await t.client.as(b!.cookie).post(`/api/positions/${position.id}/signatures`, { initiativeId: b!.initiativeId })
    const [before] = await apiSignatories(position.slug)
    expect(await page(position.slug)).toContain(`<li>${before}</li>`)

    t.clock.advance(1000)
    const name = `Neuer Name ${_name}`
    const renamed = await t.client.as(world.admin.cookie).patch(`/api/initiatives/${b!.initiativeId}`, { name })
    expect(renamed.status).toBe(200)
    expect(await page(position.slug)).toContain(`<li>${name}</li>`)
    expect(await apiSignatories(position.slug)).toEqual([name])
  })

  it('show a published translation and a changed alliance profile on the next anonymous request', async () => {
    const position = await published('Bald übersetzt')
    expect(await page(position.slug)).not.toContain(`/p/${position.slug}/en`)
    t.clock.advance(1000)
    const added = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/translations`, {
      language: 'en',
      title: 'Soon translated',
      summary: '',
      text: 'We demand housing for everyone.',
    })
    expect(added.status, await added.clone().text()).toBe(201)
    const { id } = (await added.json()) as { id: string }
    expect(await page(position.slug)).not.toContain(`/p/${position.slug}/en`)
    expect((await t.client.as(world.spokesperson.cookie).post(`/api/translations/${id}/publish`)).status).toBe(200)
    expect(await page(position.slug)).toContain(`/p/${position.slug}/en`)

    t.clock.advance(1000)
    const allianceName = `Bündnis ${_name}`
    expect((await t.client.as(world.admin.cookie).put('/api/alliance', { name: allianceName })).status).toBe(200)
    expect(await page(position.slug)).toContain(allianceName)
  })

  it('keep languages and signed-in viewers apart', async () => {
    const position = await published('Sprachen getrennt')
    const de = await page(position.slug)
    const en = await page(position.slug, { 'accept-language': 'en' })
    expect(de).toMatch(/<html lang="de">/)
    expect(en).toMatch(/<html lang="en">/)
    expect(await page(position.slug)).toMatch(/<html lang="de">/)

    // A delegate sees the logout button and the co-sign form; the next visitor must not.
    const delegate = world.delegates[0]!
    const signedIn = await (await reader().as(delegate.cookie).get(`/p/${position.slug}`)).text()
    expect(signedIn).toContain(`Für ${delegate.initiativeName} mitzeichnen`)
    const visitor = await page(position.slug)
    expect(visitor).not.toContain('Abmelden')
    expect(visitor).not.toContain('mitzeichnen</button>')
  })

  it('keep the language switch pointing back to the URL that was asked for', async () => {
    const position = await published('Zurück zur Adresse')
    await page(position.slug)
    const tagged = await page(`${position.slug}?utm_source=newsletter`)
    expect(tagged).toContain(`value="/p/${position.slug}?utm_source=newsletter"`)
    expect(await page(position.slug)).toContain(`value="/p/${position.slug}"`)
  })
})

describe('the visitor fast path', () => {
  const visitor = () => httpClient(server.url)
  const headersOf = (res: Response) => {
    const h = Object.fromEntries(res.headers)
    delete h.date
    return h
  }

  it('answers a repeated visit with the same response as the app, and a known ETag with 304', async () => {
    const position = await published('Schnell ausgeliefert')
    const pages = t.deps.caches.visitorPages
    const first = await visitor().get(`/p/${position.slug}`)
    const hits = pages.hits
    const second = await visitor().get(`/p/${position.slug}`)
    expect(pages.hits).toBe(hits + 1)
    expect(second.status).toBe(200)
    expect(await second.text()).toBe(await first.text())
    expect(headersOf(second)).toEqual(headersOf(first))
    expect(second.headers.get('content-security-policy')).toContain("default-src 'self'")

    const etag = first.headers.get('etag')!
    const unchanged = await visitor().get(`/p/${position.slug}`, { 'if-none-match': etag })
    expect(unchanged.status).toBe(304)
    expect(pages.hits).toBe(hits + 2)
    expect(unchanged.headers.get('etag')).toBe(etag)
    expect(unchanged.headers.get('cache-control')).toBe('public, no-cache')
    expect(await unchanged.text()).toBe('')
  })

  it('leaves signed-in viewers, stale session cookies and other languages to the app', async () => {
    const position = await published('Nicht für alle gleich')
    const pages = t.deps.caches.visitorPages
    await visitor().get(`/p/${position.slug}`)
    const hits = pages.hits

    const delegate = world.delegates[0]!
    const signedIn = await visitor().as(delegate.cookie).get(`/p/${position.slug}`)
    expect(await signedIn.text()).toContain(`Für ${delegate.initiativeName} mitzeichnen`)
    const stale = await visitor().as('sprachrohr_session=abgelaufen.ungueltig').get(`/p/${position.slug}`)
    expect(stale.status).toBe(200)
    expect(stale.headers.get('set-cookie')).toContain('sprachrohr_session=;')
    expect(pages.hits).toBe(hits)

    const english = await visitor().get(`/p/${position.slug}`, { 'accept-language': 'en-GB,en;q=0.9' })
    expect(await english.text()).toMatch(/<html lang="en">/)
    const byCookie = await visitor().get(`/p/${position.slug}`, { cookie: 'sprachrohr_lang=en' })
    expect(await byCookie.text()).toMatch(/<html lang="en">/)
    expect(pages.hits).toBe(hits + 1)
  })
})

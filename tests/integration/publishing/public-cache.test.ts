import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptedPosition, buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

// Visitors without a session get kept copies of public responses: every change a visitor could
// see must show on their very next request, even right after the same page was served.

let t: TestApp
let world: PublishingWorld

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t, { initiatives: 2 })
})
afterAll(() => t.close())

async function published(title: string) {
  const position = await adoptedPosition(t, world, { title })
  const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
  expect(res.status).toBe(200)
  return position
}

async function page(slug: string, headers?: Record<string, string>): Promise<string> {
  const res = await t.client.get(`/p/${slug}`, headers)
  expect(res.status).toBe(200)
  return res.text()
}

async function apiSignatories(slug: string): Promise<string[]> {
  const json = (await (await t.client.get(`/api/public/positions/${slug}`)).json()) as { signatories: Array<{ name: string }> }
  return json.signatories.map((s) => s.name)
}

describe('kept copies of public responses', () => {
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
    const list = await (await t.client.get('/p')).text()
    expect(list).toContain('Bald zurückgezogen')
    await t.client.get('/feed.atom')
    await t.client.get(`/api/public/positions/${position.slug}`)

    t.clock.advance(1000)
    const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/withdraw`, { reason: 'Überholt.' })
    expect(res.status).toBe(200)
    expect(await page(position.slug)).toContain('Zurückgezogen am')
    const json = (await (await t.client.get(`/api/public/positions/${position.slug}`)).json()) as { status: string }
    expect(json.status).toBe('withdrawn')
    const feed = await (await t.client.get('/feed.atom')).text()
    expect(feed).toContain('Überholt.')
    const listAfter = await (await t.client.get('/p')).text()
    expect(listAfter).not.toBe(list)
  })

  it('show a new publication in the list and the feed at once', async () => {
    await t.client.get('/p')
    await t.client.get('/feed.atom')
    await published('Ganz neu veröffentlicht')
    expect(await (await t.client.get('/p')).text()).toContain('Ganz neu veröffentlicht')
    expect(await (await t.client.get('/feed.atom')).text()).toContain('Ganz neu veröffentlicht')
  })

  it('show a co-signing initiative under its new name after it was renamed', async () => {
    const position = await published('Umbenennung')
    const [, b] = world.delegates
    await t.client.as(b!.cookie).post(`/api/positions/${position.id}/signatures`, { initiativeId: b!.initiativeId })
    expect(await page(position.slug)).toContain(`<li>${b!.initiativeName}</li>`)

    t.clock.advance(1000)
    const renamed = await t.client.as(world.admin.cookie).patch(`/api/initiatives/${b!.initiativeId}`, { name: 'Neuer Name e. V.' })
    expect(renamed.status).toBe(200)
    expect(await page(position.slug)).toContain('<li>Neuer Name e. V.</li>')
    expect(await apiSignatories(position.slug)).toEqual(['Neuer Name e. V.'])
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
    const signedIn = await (await t.client.as(delegate.cookie).get(`/p/${position.slug}`)).text()
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

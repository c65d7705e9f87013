import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptedPosition, buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { multipart, pngBytes } from '../../support/images.ts'
import { pdfText } from '../../support/pdf-text.ts'
import { TEST_ORIGIN, testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let world: PublishingWorld
let position: { id: string; slug: string }

const PROFILE = {
  name: 'Bündnis Bleiberecht Nord',
  description: 'Ein Zusammenschluss von Initiativen der Geflüchtetenhilfe.',
  website: 'https://bleiberecht-nord.example',
  contactEmail: 'presse@bleiberecht-nord.example',
  pressContact: 'Mira Yilmaz, 0170 1234567',
  imprintText: 'Bündnis Bleiberecht Nord, Musterstraße 1, 20095 Hamburg',
  privacyText: 'Wir speichern keine Daten von Besucher*innen.',
}

beforeAll(async () => {
  t = await testApp()
  t.clock.set(Date.parse('2027-03-03T09:00:00Z'))
  world = buildPublishingWorld(t, { initiatives: 3 })
  position = await adoptedPosition(t, world, { title: 'Wohnen für alle' })
  await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, { summary: 'Mehr bezahlbare Wohnungen.' })
  // The pages are asked for once before the profile exists: a cached copy must not outlive it.
  await t.client.get('/p')
  await t.client.get(`/p/${position.slug}`)
  await t.client.get('/feed.atom')
  await t.client.get(`/api/public/positions/${position.slug}`)
  expect((await t.client.as(world.admin.cookie).put('/api/alliance', PROFILE)).status).toBe(200)
  const { body, contentType } = multipart('logo', 'logo.png', 'image/png', pngBytes(90, 30))
  const res = await t.app.request('/api/alliance/logo', { method: 'POST', headers: { origin: TEST_ORIGIN, cookie: world.admin.cookie, 'content-type': contentType }, body: new Uint8Array(body) })
  expect(res.status).toBe(201)
})
afterAll(() => t.close())

describe('the profile where the public meets the alliance', () => {
  it('heads and foots the list and the position page: name, logo, contact, Impressum, Datenschutz', async () => {
    for (const path of ['/p', `/p/${position.slug}`, '/ueber-uns', '/impressum']) {
      const html = await (await t.client.get(path)).text()
      const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'))
      expect(header, path).toContain(PROFILE.name)
      expect(header, path).toMatch(/<img class="publisher-logo" src="http:\/\/sprachrohr.test\/alliance\/logo\?v=\d+" alt="" width="120" height="40"\/>/)
      const footer = html.slice(html.indexOf('<footer'), html.indexOf('</footer>'))
      expect(footer, path).toContain(PROFILE.name)
      expect(footer, path).toContain(`<a href="mailto:${PROFILE.contactEmail}">${PROFILE.contactEmail}</a>`)
      expect(footer, path).toContain('<a href="https://bleiberecht-nord.example">bleiberecht-nord.example</a>')
      expect(footer, path).toContain(PROFILE.pressContact)
      expect(footer, path).toContain('<a href="/impressum">Impressum</a>')
      expect(footer, path).toContain('<a href="/datenschutz">Datenschutzerklärung</a>')
      expect(html, path).toContain(`<title>`)
      expect(html, path).toContain(`· ${PROFILE.name}</title>`)
    }
  })

  it('gives link previews the alliance as site name and its logo as image (OpenGraph and Twitter)', async () => {
    const html = await (await t.client.get(`/p/${position.slug}`)).text()
    expect(html).toContain(`<meta property="og:site_name" content="${PROFILE.name}"/>`)
    expect(html).toMatch(/<meta property="og:image" content="http:\/\/sprachrohr.test\/alliance\/logo\?v=\d+"\/>/)
    expect(html).toContain('<meta property="og:image:width" content="90"/>')
    expect(html).toMatch(/<meta name="twitter:image" content="http:\/\/sprachrohr.test\/alliance\/logo\?v=\d+"\/>/)
    const logoUrl = /<meta property="og:image" content="([^"]+)"/.exec(html)![1]!
    const logo = await t.client.get(logoUrl.replace(TEST_ORIGIN, ''))
    expect(logo.status).toBe(200)
    expect(logo.headers.get('content-type')).toBe('image/png')
  })

  it('prints the letterhead and a footer with name, website, contact and page numbers on the PDF', async () => {
    const res = await t.client.get(`/p/${position.slug}.pdf`)
    expect(res.status).toBe(200)
    const text = pdfText(Buffer.from(await res.arrayBuffer()))
    const lines = text.split('\n').map((l) => l.trim())
    expect(lines[0]).toBe(PROFILE.name)
    expect(text).toContain('bleiberecht-nord.example · Kontakt: presse@bleiberecht-nord.example')
    expect(text).toContain(`Presse: ${PROFILE.pressContact}`)
    expect(text).toContain(`${PROFILE.name} · bleiberecht-nord.example · ${PROFILE.contactEmail} · Seite 1 von 1`)
    expect(text).toContain(`Online: ${TEST_ORIGIN}/p/${position.slug}`)
  })

  it('names the alliance as the feed’s title and author, with website, mail and logo', async () => {
    const xml = await (await t.client.get('/feed.atom')).text()
    const feed = new XMLParser().parse(xml).feed
    expect(feed.title).toBe(`${PROFILE.name}: Veröffentlichte Positionen`)
    expect(feed.author).toEqual({ name: PROFILE.name, uri: PROFILE.website, email: PROFILE.contactEmail })
    expect(feed.logo).toMatch(/\/alliance\/logo\?v=\d+$/)
    expect(feed.subtitle).toBe(PROFILE.description)
  })

  it('puts the publisher into the public JSON of a position', async () => {
    const json = await (await t.client.get(`/api/public/positions/${position.slug}`)).json()
    expect(json.publisher).toEqual({ name: PROFILE.name, website: PROFILE.website, contact: PROFILE.contactEmail })
  })

  it('names the alliance in the embed snippet', async () => {
    const html = await (await t.client.as(world.spokesperson.cookie).get(`/positions/${position.id}`)).text()
    expect(html).toContain('&lt;p&gt;&lt;a href=&quot;https://bleiberecht-nord.example&quot;&gt;Positionen von Bündnis Bleiberecht Nord&lt;/a&gt;&lt;/p&gt;')
  })

  it('shows a changed profile at once on every public output', async () => {
    const etag = (await t.client.get(`/p/${position.slug}`)).headers.get('etag')!
    expect((await t.client.as(world.admin.cookie).put('/api/alliance', { ...PROFILE, name: 'Bündnis Bleiberecht Nord-Ost' })).status).toBe(200)
    const again = await t.client.get(`/p/${position.slug}`, { 'if-none-match': etag })
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('Bündnis Bleiberecht Nord-Ost')
    expect(await (await t.client.get('/p')).text()).toContain('Bündnis Bleiberecht Nord-Ost')
    expect(await (await t.client.get('/feed.atom')).text()).toContain('<name>Bündnis Bleiberecht Nord-Ost</name>')
    expect((await (await t.client.get(`/api/public/positions/${position.slug}`)).json()).publisher.name).toBe('Bündnis Bleiberecht Nord-Ost')
    expect(pdfText(Buffer.from(await (await t.client.get(`/p/${position.slug}.pdf`)).arrayBuffer()))).toContain('Bündnis Bleiberecht Nord-Ost')
    await t.client.as(world.admin.cookie).put('/api/alliance', PROFILE)
  })
})

import { createHash } from 'node:crypto'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptedPosition, buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { pdfText } from '../../support/pdf-text.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let world: PublishingWorld
let housing: { id: string; slug: string }
let language: { id: string; slug: string }

const richDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Unsere Forderungen' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Geflüchtete brauchen ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'Wohnungen' },
        { type: 'text', text: ', siehe ' },
        { type: 'text', marks: [{ type: 'link', attrs: { href: 'https://example.org/wohnen' } }], text: 'Studie' },
        { type: 'text', text: '.' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mehr Sozialwohnungen' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Keine Sammelunterkünfte' }] }] },
      ],
    },
  ],
}

beforeAll(async () => {
  t = await testApp()
  t.clock.set(Date.parse('2027-03-03T09:00:00Z'))
  world = buildPublishingWorld(t, { initiatives: 4 })
  // Three of four initiatives answer, one of them with a concern.
  housing = await adoptedPosition(t, world, {
    title: 'Wohnen für alle',
    content: richDoc,
    plan: { answers: ['consent', 'consent', 'concern'] },
  })
  await t.client.as(world.spokesperson.cookie).post(`/api/positions/${housing.id}/publish`, { summary: 'Mehr bezahlbare Wohnungen für Geflüchtete.' })
  // Another working group; the alliance's initiatives decide there too.
  const other = { ...buildPublishingWorld(t, { initiatives: 0, groupName: 'AG Sprache' }), delegates: world.delegates }
  t.clock.advance(24 * 3600 * 1000)
  language = await adoptedPosition(t, other, { title: 'Sprachkurse ab Tag eins' })
  await t.client.as(other.spokesperson.cookie).post(`/api/positions/${language.id}/publish`, {})
})
afterAll(() => t.close())

describe('the public position page', () => {
  it('shows title, text, group, dates, result in words, hash and co-signers without a login', async () => {
    const res = await t.client.get(`/p/${housing.slug}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<html lang="de">/)
    expect(html).toContain('<h1 lang="de">Wohnen für alle</h1>')
    expect(html).toContain('<h2>Unsere Forderungen</h2>')
    expect(html).toContain('<li><p>Mehr Sozialwohnungen</p></li>')
    expect(html).toMatch(/<a [^>]*href="https:\/\/example.org\/wohnen"[^>]*>Studie<\/a>/)
    expect(html).toContain(world.groupName)
    expect(html).toContain(
      'Im Konsens beschlossen am 3. März 2027: 3 von 4 Initiativen haben zugestimmt, davon 1 mit Bedenken. Beteiligung: 3 von 4 Initiativen (75\u00a0% des Stimmgewichts)',
    )
    // Nobody has co-signed yet: the page says nothing about co-signers rather than "nobody".
    expect(html).not.toContain('mitgezeichnet')
    expect(html).not.toContain('Mitgezeichnet von')
    // The answers as a picture, with the same figures in words.
    expect(html).toMatch(/<svg role="img" aria-labelledby="result-bar-title"/)
    expect(html).toContain('Zustimmung mit Bedenken: 1 (Stimmgewicht 1, 25\u00a0%)')
    expect(html).toContain('Nicht geantwortet: 1 (Stimmgewicht 1, 25\u00a0%)')
    const json = (await (await t.client.get(`/api/public/positions/${housing.slug}`)).json()) as { versionHash: string }
    expect(html).toContain(json.versionHash)
  })

  it('has link previews and no inline script', async () => {
    const res = await t.client.get(`/p/${housing.slug}`)
    const html = await res.text()
    expect(html).toContain('<meta property="og:title" content="Wohnen für alle"/>')
    expect(html).toContain('<meta property="og:description" content="Mehr bezahlbare Wohnungen für Geflüchtete."/>')
    expect(html).toContain(`<meta property="og:url" content="http://sprachrohr.test/p/${housing.slug}"/>`)
    expect(html).toContain('<meta name="twitter:card" content="summary"/>')
    expect(html).toContain('href="/assets/public.css"')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/i)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('answers 404 for unknown slugs, also as PDF', async () => {
    expect((await t.client.get('/p/gibt-es-nicht')).status).toBe(404)
    expect((await t.client.get('/p/gibt-es-nicht.pdf')).status).toBe(404)
    expect((await t.client.get('/api/public/positions/gibt-es-nicht')).status).toBe(404)
  })
})

describe('the public list', () => {
  it('shows the newest first', async () => {
    const html = await (await t.client.get('/p')).text()
    expect(html.indexOf('Sprachkurse ab Tag eins')).toBeGreaterThan(-1)
    expect(html.indexOf('Sprachkurse ab Tag eins')).toBeLessThan(html.indexOf('Wohnen für alle'))
  })

  it('finds positions by words in their text, whatever the case', async () => {
    const html = await (await t.client.get('/p?q=SAMMELUNTERKÜNFTE')).text()
    expect(html).toContain('Wohnen für alle')
    expect(html).not.toContain('Sprachkurse ab Tag eins')
    const none = await (await t.client.get('/p?q=%25')).text()
    expect(none).toContain('Keine Position passt zu deiner Suche.')
  })

  it('filters by working group and keeps the choice in the form', async () => {
    const html = await (await t.client.get('/p?group=' + encodeURIComponent(await groupSlugOf(language.slug)))).text()
    expect(html).toContain('Sprachkurse ab Tag eins')
    expect(html).not.toContain('Wohnen für alle</a>')
    expect(html).toMatch(/<option value="[^"]+" selected="" lang="de">AG Sprache<\/option>/)
  })

  it('tolerates tracking parameters on shared links', async () => {
    expect((await t.client.get('/p?utm_source=newsletter')).status).toBe(200)
  })
})

async function groupSlugOf(slug: string): Promise<string> {
  return ((await (await t.client.get(`/api/public/positions/${slug}`)).json()) as { groupSlug: string }).groupSlug
}

describe('the public JSON API', () => {
  it('lists positions in the documented shape, readable from any website', async () => {
    const res = await t.client.get('/api/public/positions')
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    const list = (await res.json()) as Array<Record<string, unknown>>
    expect(list).toHaveLength(2)
    expect(Object.keys(list[1]!).sort()).toEqual(['group', 'publishedAt', 'slug', 'status', 'summary', 'title', 'url'])
    expect(list[1]).toEqual({
      slug: housing.slug,
      title: 'Wohnen für alle',
      summary: 'Mehr bezahlbare Wohnungen für Geflüchtete.',
      group: world.groupName,
      publishedAt: expect.stringMatching(/^2027-03-03T\d\d:\d\d:\d\d\.\d{3}Z$/),
      status: 'published',
      url: `http://sprachrohr.test/p/${housing.slug}`,
    })
  })

  it('gives one position with text, HTML, hash, result and signatories', async () => {
    const res = await t.client.get(`/api/public/positions/${housing.slug}`)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const one = (await res.json()) as Record<string, any>
    expect(one).toMatchObject({ slug: housing.slug, title: 'Wohnen für alle', status: 'published', versionNumber: 1, signatories: [] })
    expect(one.html).toContain('<h2>Unsere Forderungen</h2>')
    expect(one.content.type).toBe('doc')
    expect(one.result).toMatchObject({
      kind: 'consent',
      outcome: 'adopted',
      eligible: { count: 4, weight: 4 },
      tally: { consent: { count: 2, weight: 2 }, concern: { count: 1, weight: 1 } },
    })
    expect(one.result.text.de).toContain('3 von 4 Initiativen haben zugestimmt, davon 1 mit Bedenken')
    expect(one.result.text.en).toContain('3 of 4 initiatives consented, 1 of them with a concern')
  })

  it('lets anyone recompute the version hash from the content (README: canonical JSON)', async () => {
    const one = (await (await t.client.get(`/api/public/positions/${housing.slug}`)).json()) as { content: unknown; versionHash: string }
    // Written from the README's description, independently of the server's code.
    const canonical = (v: unknown): string =>
      Array.isArray(v)
        ? `[${v.map(canonical).join(',')}]`
        : v !== null && typeof v === 'object'
          ? `{${Object.keys(v)
              .sort()
              .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
              .join(',')}}`
          : JSON.stringify(v)
    expect(createHash('sha256').update(canonical(one.content), 'utf8').digest('hex')).toBe(one.versionHash)
  })

  it('does not allow cross-origin reads of the private API', async () => {
    const res = await t.client.as(world.coordinator.cookie).get(`/api/positions/${housing.id}`)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers a CORS preflight', async () => {
    const res = await t.client.request('OPTIONS', '/api/public/positions', undefined, {
      origin: 'https://buendnis.example',
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'if-none-match',
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-headers')).toContain('If-None-Match')
  })
})

describe('the Atom feed', () => {
  it('is valid Atom with one entry per publication', async () => {
    const res = await t.client.get('/feed.atom')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const xml = await res.text()
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml)
    const feed = parsed.feed
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.id).toBe('http://sprachrohr.test/p')
    expect(feed.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href']).toBe('http://sprachrohr.test/feed.atom')
    expect(feed.author.name).toBe('Sprachrohr')
    expect(feed.entry).toHaveLength(2)
    const [newest, older] = feed.entry
    expect(newest.id).toBe(`http://sprachrohr.test/p/${language.slug}`)
    expect(older.id).toBe(`http://sprachrohr.test/p/${housing.slug}`)
    expect(older.title).toBe('Wohnen für alle')
    expect(Date.parse(feed.updated)).toBe(Date.parse(newest.updated))
    for (const entry of feed.entry) {
      expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
      expect(entry.link[0]['@_href']).toBe(entry.id)
      expect(entry.content['@_type']).toBe('html')
    }
    expect(older.content['#text']).toContain('<h2>Unsere Forderungen</h2>')
    // The result in the same sentence as the round page, the public page and the PDF.
    expect(older.content['#text']).toContain(
      '<p>Im Konsens beschlossen am 3. März 2027: 3 von 4 Initiativen haben zugestimmt, davon 1 mit Bedenken. Beteiligung: 3 von 4 Initiativen (75\u00a0% des Stimmgewichts)</p>',
    )
  })
})

describe('the PDF', () => {
  it('is a PDF with the title, text, result and date', async () => {
    const res = await t.client.get(`/p/${housing.slug}.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = pdfText(bytes)
    expect(text).toContain('Wohnen für alle')
    expect(text).toContain('Unsere Forderungen')
    expect(text).toContain('Mehr Sozialwohnungen')
    expect(text.replace(/\s+/g, ' ')).toContain('Im Konsens beschlossen am 3. März 2027: 3 von 4 Initiativen haben zugestimmt, davon 1 mit Bedenken.')
    // The bar's legend, below the drawn bar; no line about co-signers while there are none.
    expect(text).toContain('Zustimmung mit Bedenken: 1 (Stimmgewicht 1, 25 %)')
    expect(text).not.toContain('Mitgezeichnet von')
    expect(text).not.toContain('mitgezeichnet')
  })
})

describe('conditional requests', () => {
  const paths = () => ['/p', `/p/${housing.slug}`, `/p/${housing.slug}.pdf`, '/feed.atom', '/api/public/positions', `/api/public/positions/${housing.slug}`]

  it('answer 304 to a matching If-None-Match', async () => {
    for (const path of paths()) {
      const first = await t.client.get(path)
      const etag = first.headers.get('etag')
      expect(etag, path).toMatch(/^"[^"]+"$/)
      expect(first.headers.get('last-modified'), path).toBeTruthy()
      const again = await t.client.get(path, { 'if-none-match': etag! })
      expect(again.status, path).toBe(304)
      expect(await again.text()).toBe('')
      expect(again.headers.get('etag')).toBe(etag)
    }
  })

  it('answer 304 to If-Modified-Since when nothing changed since', async () => {
    for (const path of paths()) {
      const first = await t.client.get(path)
      const again = await t.client.get(path, { 'if-modified-since': first.headers.get('last-modified')! })
      expect(again.status, path).toBe(304)
      const earlier = new Date(Date.parse(first.headers.get('last-modified')!) - 60_000).toUTCString()
      expect((await t.client.get(path, { 'if-modified-since': earlier })).status, path).toBe(200)
    }
  })

  it('send the new version once something visible changed', async () => {
    const detail = [`/p/${housing.slug}`, `/p/${housing.slug}.pdf`, `/api/public/positions/${housing.slug}`]
    const before = await Promise.all(detail.map(async (p) => (await t.client.get(p)).headers.get('etag')))
    const delegate = world.delegates[0]!
    const signed = await t.client.as(delegate.cookie).post(`/api/positions/${housing.id}/signatures`, { initiativeId: delegate.initiativeId })
    expect(signed.status).toBe(201)
    for (const [i, path] of detail.entries()) {
      const res = await t.client.get(path, { 'if-none-match': before[i]! })
      expect(res.status, path).toBe(200)
    }
    expect(await (await t.client.get(`/p/${housing.slug}`)).text()).toContain(`<li>${delegate.initiativeName}</li>`)
    await t.client.as(delegate.cookie).delete(`/api/positions/${housing.id}/signatures/${delegate.initiativeId}`)
  })

  it('do not share one visitor-specific page with another', async () => {
    const anonymous = await t.client.get(`/p/${housing.slug}`)
    expect(anonymous.headers.get('cache-control')).toBe('public, no-cache')
    const signedIn = await t.client.as(world.member.cookie).get(`/p/${housing.slug}`, { 'if-none-match': anonymous.headers.get('etag')! })
    expect(signedIn.status).toBe(200)
    expect(signedIn.headers.get('cache-control')).toBe('private, no-cache')
    expect(signedIn.headers.get('vary')).toContain('Cookie')
  })

  it('send new lists once a position is withdrawn', async () => {
    const lists = ['/p', '/feed.atom', '/api/public/positions']
    const before = await Promise.all(lists.map(async (p) => (await t.client.get(p)).headers.get('etag')))
    t.clock.advance(3600_000)
    const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${language.id}/withdraw`, { reason: 'Überholt' })
    expect(res.status).toBe(200)
    for (const [i, path] of lists.entries()) {
      const again = await t.client.get(path, { 'if-none-match': before[i]! })
      expect(again.status, path).toBe(200)
    }
    const feed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(await (await t.client.get('/feed.atom')).text()).feed
    expect(feed.entry[0].id).toBe(`http://sprachrohr.test/p/${language.slug}#withdrawn`)
    expect(feed.entry[0].title).toBe('Zurückgezogen: Sprachkurse ab Tag eins')
    expect(feed.entry).toHaveLength(3)
  })
})

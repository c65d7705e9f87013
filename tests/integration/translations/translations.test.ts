import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptedPosition, buildPublishingWorld, type Member, type PublishingWorld } from '../../support/adopt.ts'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { pdfText } from '../../support/pdf-text.ts'
import { TEST_ORIGIN, testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let world: PublishingWorld
let position: { id: string; slug: string }
let translator: Member
let arabicId: string
let ukrainianId: string

const ARABIC = {
  language: 'ar',
  title: 'سكن للجميع',
  summary: 'مزيد من المساكن بأسعار معقولة للاجئين.',
  text: 'نطالب بسكن ميسور التكلفة للجميع.\n\nيجب أن يعيش اللاجئون في شقق وليس في مراكز إيواء جماعية.',
}
const UKRAINIAN = {
  language: 'uk',
  title: 'Житло для всіх',
  summary: 'Більше доступного житла для біженців.',
  text: 'Ми вимагаємо доступного житла для всіх.',
}

beforeAll(async () => {
  t = await testApp()
  t.clock.set(Date.parse('2027-03-03T09:00:00Z'))
  world = buildPublishingWorld(t, { initiatives: 3 })
  position = await adoptedPosition(t, world, { title: 'Wohnen für alle' })
  await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, { summary: 'Mehr bezahlbare Wohnungen.' })
  const person = buildPerson(t.db, { name: 'Übersetzerin Arabisch' })
  translator = { id: person.id, name: person.name, cookie: sessionCookie(t.db, person.id, t.clock.now()) }
  const res = await t.client.as(world.admin.cookie).put(`/api/people/${translator.id}/translator-languages`, { languages: ['ar'] })
  expect(res.status).toBe(200)
})
afterAll(() => t.close())

describe('adding translations', () => {
  it('lets a translator add one into their language only', async () => {
    const refused = await t.client.as(translator.cookie).post(`/api/positions/${position.id}/translations`, UKRAINIAN)
    expect(refused.status).toBe(403)
    const plain = await t.client.as(world.member.cookie).post(`/api/positions/${position.id}/translations`, ARABIC)
    expect(plain.status).toBe(403)
    const res = await t.client.as(translator.cookie).post(`/api/positions/${position.id}/translations`, ARABIC)
    expect(res.status, await res.clone().text()).toBe(201)
    const body = (await res.json()) as { id: string; status: string }
    expect(body.status).toBe('draft')
    arabicId = body.id
  })

  it('lets a spokesperson add one in any language, with ProseMirror content', async () => {
    const { text, ...rest } = UKRAINIAN
    const res = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/translations`, {
      ...rest,
      content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    })
    expect(res.status).toBe(201)
    ukrainianId = ((await res.json()) as { id: string }).id
  })

  it('refuses a second translation into the same language, an unknown language and an empty text', async () => {
    const again = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/translations`, ARABIC)
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('translation_exists')
    expect((await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/translations`, { ...ARABIC, language: 'xx' })).status).toBe(400)
    expect((await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/translations`, { ...ARABIC, language: 'fa', text: '  ' })).status).toBe(400)
  })

  it('keeps drafts off the public side until a spokesperson publishes them', async () => {
    expect((await t.client.get(`/p/${position.slug}/ar`)).status).toBe(404)
    expect((await t.client.as(translator.cookie).post(`/api/translations/${arabicId}/publish`)).status).toBe(403)
    const ar = await t.client.as(world.spokesperson.cookie).post(`/api/translations/${arabicId}/publish`)
    expect(ar.status).toBe(200)
    expect(await ar.json()).toMatchObject({ status: 'published' })
    expect((await t.client.as(world.spokesperson.cookie).post(`/api/translations/${ukrainianId}/publish`)).status).toBe(200)
  })
})

describe('a published translation on the public side', () => {
  it('is a page in its language and direction that says which version it translates and that the German counts', async () => {
    const res = await t.client.get(`/p/${position.slug}/ar`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<article class="public-position" lang="ar" dir="rtl"><h1>سكن للجميع</h1>')
    expect(html).toContain('<p>نطالب بسكن ميسور التكلفة للجميع.</p>')
    expect(html).toContain('Übersetzung von Fassung 1, Prüfsumme')
    const json = await (await t.client.get(`/api/public/positions/${position.slug}`)).json()
    expect(html).toContain(json.versionHash)
    expect(html).toContain('Maßgeblich ist die beschlossene Fassung auf Deutsch:')
    expect(html).toContain(`<link rel="alternate" hreflang="de" href="${TEST_ORIGIN}/p/${position.slug}"/>`)
    expect(html).toContain(`<link rel="alternate" hreflang="uk" href="${TEST_ORIGIN}/p/${position.slug}/uk"/>`)
    const uk = await (await t.client.get(`/p/${position.slug}/uk`)).text()
    expect(uk).toContain('<article class="public-position" lang="uk" dir="ltr"><h1>Житло для всіх</h1>')
  })

  it('is offered on the German page with hreflang links, each language named in itself', async () => {
    const html = await (await t.client.get(`/p/${position.slug}`)).text()
    expect(html).toContain(`<a href="${TEST_ORIGIN}/p/${position.slug}/ar" hreflang="ar" lang="ar" dir="rtl">العربية</a>`)
    expect(html).toContain(`<a href="${TEST_ORIGIN}/p/${position.slug}/uk" hreflang="uk" lang="uk" dir="ltr">Українська</a>`)
    expect(html).toContain(`<link rel="alternate" hreflang="ar" href="${TEST_ORIGIN}/p/${position.slug}/ar"/>`)
  })

  it('is listed in the public JSON and has a JSON of its own', async () => {
    const json = await (await t.client.get(`/api/public/positions/${position.slug}`)).json()
    expect(json.translations).toEqual([
      {
        language: 'ar',
        dir: 'rtl',
        title: ARABIC.title,
        url: `${TEST_ORIGIN}/p/${position.slug}/ar`,
        pdfUrl: `${TEST_ORIGIN}/p/${position.slug}/ar.pdf`,
        jsonUrl: `${TEST_ORIGIN}/api/public/positions/${position.slug}/translations/ar`,
        versionNumber: 1,
        versionHash: json.versionHash,
      },
      expect.objectContaining({ language: 'uk', dir: 'ltr', title: UKRAINIAN.title }),
    ])
    const own = await (await t.client.get(`/api/public/positions/${position.slug}/translations/ar`)).json()
    expect(own).toMatchObject({
      language: 'ar',
      title: ARABIC.title,
      summary: ARABIC.summary,
      versionNumber: 1,
      versionHash: json.versionHash,
      authoritative: { language: 'de', title: 'Wohnen für alle', versionHash: json.versionHash },
      publisher: { name: 'Sprachrohr' },
    })
    expect(own.html).toContain('نطالب بسكن ميسور التكلفة للجميع.')
  })

  it('is an entry of its own in the feed, in its language', async () => {
    const xml = await (await t.client.get('/feed.atom')).text()
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed
    const entries = Array.isArray(feed.entry) ? feed.entry : [feed.entry]
    const ar = entries.find((e: { id: string }) => e.id.endsWith('/ar'))
    expect(ar).toMatchObject({ '@_xml:lang': 'ar', title: ARABIC.title, summary: ARABIC.summary })
    expect(ar.content['#text']).toContain('Übersetzung von Fassung 1')
    expect(entries.some((e: { id: string; title: string }) => e.id.endsWith('/uk') && e.title === UKRAINIAN.title)).toBe(true)
    expect(entries.some((e: { title: string }) => e.title === 'Wohnen für alle')).toBe(true)
  })

  it('filters /p by language, showing the translated titles with their direction', async () => {
    const html = await (await t.client.get('/p?lang=ar')).text()
    expect(html).toContain(`<a href="/p/${position.slug}/ar" lang="ar" dir="rtl" hreflang="ar">سكن للجميع</a>`)
    expect(html).not.toContain('>Wohnen für alle</a>')
    expect(html).toContain('<option value="ar" selected="" lang="ar">العربية</option>')
  })

  it('prints the Arabic PDF right to left with the text in logical order', async () => {
    const res = await t.client.get(`/p/${position.slug}/ar.pdf`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const bytes = Buffer.from(await res.arrayBuffer())
    // For looking at: tests/integration/translations/.output/ar-1.png
    mkdirSync('tests/integration/translations/.output', { recursive: true })
    writeFileSync('tests/integration/translations/.output/ar.pdf', bytes)
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', 'tests/integration/translations/.output/ar.pdf', 'tests/integration/translations/.output/ar'])
    // pdftotext wraps a right-to-left line in embedding marks (RLE … PDF) and puts its final full
    // stop, a neutral, before them; the words themselves come out in the order they were written.
    const text = pdfText(bytes).replace(/[\u202a-\u202e]/g, '').replace(/\s+/g, ' ')
    expect(text).toContain('سكن للجميع')
    expect(text).toContain('نطالب بسكن ميسور التكلفة للجميع')
    expect(text).toContain('يجب أن يعيش اللاجئون في شقق وليس في مراكز إيواء جماعية')
    expect(text).toContain('Übersetzung von Fassung 1')
    expect(text).toContain('Maßgeblich ist die beschlossene Fassung auf Deutsch')
  })
})

describe('changing a translation', () => {
  it('keeps each saved text as its history and shows the new one at once', async () => {
    const res = await t.client.as(translator.cookie).put(`/api/translations/${arabicId}`, { title: 'سكن لائق للجميع', summary: ARABIC.summary, text: ARABIC.text })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.revisions.map((r: { number: number; title: string }) => [r.number, r.title])).toEqual([
      [1, 'سكن للجميع'],
      [2, 'سكن لائق للجميع'],
    ])
    expect(await (await t.client.get(`/p/${position.slug}/ar`)).text()).toContain('<h1>سكن لائق للجميع</h1>')
    expect((await (await t.client.get(`/api/public/positions/${position.slug}`)).json()).translations[0].title).toBe('سكن لائق للجميع')
  })

  it('withdraws a translation from page, JSON, feed and list', async () => {
    expect((await t.client.as(world.spokesperson.cookie).post(`/api/translations/${ukrainianId}/withdraw`, { reason: 'Fehler in der Übersetzung' })).status).toBe(200)
    expect((await t.client.get(`/p/${position.slug}/uk`)).status).toBe(404)
    const json = await (await t.client.get(`/api/public/positions/${position.slug}`)).json()
    expect(json.translations.map((tr: { language: string }) => tr.language)).toEqual(['ar'])
    expect(await (await t.client.get('/feed.atom')).text()).not.toContain(UKRAINIAN.title)
    expect(await (await t.client.get(`/p/${position.slug}`)).text()).not.toContain('Українська')
  })
})

describe('the translation forms', () => {
  it('add a translation from plain paragraphs and show a refused one again with what was typed', async () => {
    const page = await t.client.as(world.spokesperson.cookie).get(`/positions/${position.id}/translations`)
    expect(page.status).toBe(200)
    const refused = await t.client.as(world.spokesperson.cookie).form(`/positions/${position.id}/translations`, { language: 'fa', title: 'مسکن برای همه', summary: '', text: '' })
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('Bitte gib den übersetzten Text ein.')
    expect(html).toContain('value="مسکن برای همه"')
    const ok = await t.client.as(world.spokesperson.cookie).form(`/positions/${position.id}/translations`, { language: 'fa', title: 'مسکن برای همه', summary: '', text: 'بند اول.\n\nبند دوم.' })
    expect(ok.status).toBe(303)
    const list = await (await t.client.as(world.spokesperson.cookie).get(`/positions/${position.id}/translations`)).text()
    expect(list).toContain('<span lang="fa" dir="rtl">مسکن برای همه</span>')
  })
})

describe('the translation forms with the editor', () => {
  const BOLD_DOC = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'نطالب ' }, { type: 'text', marks: [{ type: 'bold' }], text: 'بسكن ميسور' }, { type: 'text', text: ' للجميع.' }] }],
  }

  it('save the editor’s ProseMirror JSON, bold included, and hand it back to the editor on the edit page', async () => {
    const res = await t.client.as(translator.cookie).form(`/translations/${arabicId}`, { title: 'سكن للجميع', summary: '', content: JSON.stringify(BOLD_DOC) })
    expect(res.status).toBe(303)
    expect(await (await t.client.get(`/p/${position.slug}/ar`)).text()).toContain('<p>نطالب <strong>بسكن ميسور</strong> للجميع.</p>')
    const edit = await (await t.client.as(translator.cookie).get(`/translations/${arabicId}/edit`)).text()
    expect(edit).toContain('<script type="module" src="/assets/translation-editor.js"')
    expect(edit).toContain('data-language="ar"')
    const stored = /data-content="([^"]*)"/.exec(edit)![1]!.replaceAll('&quot;', '"')
    expect(JSON.parse(stored)).toEqual(BOLD_DOC)
    // Without JavaScript the same page shows the text as plain paragraphs.
    expect(edit).toContain('نطالب بسكن ميسور للجميع.</textarea>')
  })

  it('refuse an empty document or one outside the schema with the text field’s message, keeping what was posted', async () => {
    const empty = await t.client.as(translator.cookie).form(`/translations/${arabicId}`, { title: 'سكن للجميع', summary: '', content: JSON.stringify({ type: 'doc', content: [] }) })
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('<a href="#tr-text">Bitte gib den übersetzten Text ein.</a>')
    const foreign = { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://evil.example/x.png' } }] }
    const refused = await t.client.as(translator.cookie).form(`/translations/${arabicId}`, { title: 'سكن للجميع', summary: '', content: JSON.stringify(foreign) })
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('Bitte gib den übersetzten Text ein.')
    expect(html).toContain('evil.example')
    expect((await t.client.as(translator.cookie).form(`/translations/${arabicId}`, { title: 'x', content: '{not json' })).status).toBe(400)
  })
})

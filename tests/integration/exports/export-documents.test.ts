import JSZip from 'jszip'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adoptedPosition, buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

const RICH = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Wohnen für alle' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Wir ' },
        { type: 'text', text: 'fordern', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' sofort ' },
        { type: 'text', text: 'Wohnraum', marks: [{ type: 'italic' }] },
        { type: 'text', text: ', siehe ' },
        { type: 'text', text: 'Studie', marks: [{ type: 'link', attrs: { href: 'https://example.org/studie' } }] },
        { type: 'text', text: '.' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mieten deckeln' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Leerstand nutzen' }] }] },
      ],
    },
    { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Erster Schritt' }] }] }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Wohnen ist ein Menschenrecht.' }] }] },
  ],
}

let t: TestApp
let world: PublishingWorld
let position: { id: string; slug: string; roundId: string }
let hash: string

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t)
  position = await adoptedPosition(t, world, { title: 'Bezahlbarer Wohnraum', content: RICH })
  const v = await t.client.as(world.member.cookie).get(`/api/positions/${position.id}/versions/1`)
  hash = ((await v.json()) as { hash: string }).hash
})
afterAll(() => t.close())

async function docxOf(res: Response): Promise<{ html: string; header: string }> {
  const buffer = Buffer.from(await res.arrayBuffer())
  const { value } = await mammoth.convertToHtml({ buffer }, { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh"] })
  const zip = await JSZip.loadAsync(buffer)
  const headerFile = Object.keys(zip.files).find((name) => /^word\/header\d*\.xml$/.test(name))!
  return { html: value, header: await zip.file(headerFile)!.async('string') }
}

describe('a version as a Word file', () => {
  it('carries the title, headings, lists, emphasis, links and quotes, with alliance and checksum in the page header', async () => {
    const res = await t.client.as(world.member.cookie).get(`/positions/${position.id}/versions/1.docx`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('wordprocessingml')
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".*-1\.docx"/)
    const { html, header } = await docxOf(res)
    expect(html).toContain('Bezahlbarer Wohnraum')
    expect(html).toContain('<h2>Wohnen für alle</h2>')
    expect(html).toContain('<strong>fordern</strong>')
    expect(html).toContain('<em>Wohnraum</em>')
    expect(html).toContain('<a href="https://example.org/studie">Studie</a>')
    expect(html).toContain('<ul><li>Mieten deckeln</li><li>Leerstand nutzen</li></ul>')
    expect(html).toContain('<ol><li>Erster Schritt</li></ol>')
    expect(html).toContain('<blockquote><p>Wohnen ist ein Menschenrecht.</p></blockquote>')
    expect(header).toContain('Sprachrohr')
    expect(header).toContain(hash)
  })

  it('is refused to visitors without a session, like the version page', async () => {
    const res = await t.client.get(`/positions/${position.id}/versions/1.docx`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain('/login')
  })

  it('answers 404 for a version that does not exist', async () => {
    const res = await t.client.as(world.member.cookie).get(`/positions/${position.id}/versions/7.docx`)
    expect(res.status).toBe(404)
  })
})

describe('a version as Markdown', () => {
  it('writes the text as CommonMark, the alliance and checksum as front matter, the title as heading', async () => {
    const res = await t.client.as(world.member.cookie).get(`/positions/${position.id}/versions/1.md`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/markdown')
    const md = await res.text()
    expect(md.startsWith('---\ntitle: "Bezahlbarer Wohnraum"\nalliance: "Sprachrohr"\n')).toBe(true)
    expect(md).toContain(`sha256: "${hash}"`)
    expect(md).toContain('---\n\n# Bezahlbarer Wohnraum\n')
    expect(md).toContain('## Wohnen für alle')
    expect(md).toContain('Wir **fordern** sofort *Wohnraum*, siehe [Studie](<https://example.org/studie>).')
    expect(md).toContain('- Mieten deckeln\n- Leerstand nutzen')
    expect(md).toContain('1. Erster Schritt')
    expect(md).toContain('> Wohnen ist ein Menschenrecht.')
  })
})

describe('the live draft as a file', () => {
  it('is the current text, marked as a draft, without a checksum', async () => {
    const res = await t.client.as(world.member.cookie).get(`/positions/${position.id}/draft.md`)
    expect(res.status).toBe(200)
    const md = await res.text()
    expect(md).toContain('Entwurf')
    expect(md).toContain('## Wohnen für alle')
    expect(md).not.toContain('SHA-256')
  })
})

describe('a published position as a file', () => {
  it('is there for everyone once published, with the version checksum', async () => {
    expect((await t.client.get(`/p/${position.slug}.docx`)).status).toBe(404)
    const publish = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
    expect(publish.status).toBe(200)
    const docx = await t.client.get(`/p/${position.slug}.docx`)
    expect(docx.status).toBe(200)
    const { html, header } = await docxOf(docx)
    expect(html).toContain('<h2>Wohnen für alle</h2>')
    expect(header).toContain(hash)
    const md = await t.client.get(`/p/${position.slug}.md`)
    expect(md.status).toBe(200)
    expect(await md.text()).toContain(hash)
  })

  it('still answers the PDF and the page on their usual addresses', async () => {
    expect((await t.client.get(`/p/${position.slug}.pdf`)).headers.get('content-type')).toBe('application/pdf')
    expect((await t.client.get(`/p/${position.slug}`)).headers.get('content-type')).toContain('text/html')
  })
})

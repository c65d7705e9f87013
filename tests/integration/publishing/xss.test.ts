import { Window } from 'happy-dom'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DRAFT_FRAGMENT, loadDocFromDb } from '../../../server/sync/load-doc.ts'
import { buildPosition } from '../../support/factories.ts'
import { buildPublishingWorld, decide, serverEnv, type AdoptEnv, type PublishingWorld } from '../../support/adopt.ts'
import { startTestServer, type TestServer } from '../../support/test-server.ts'
import { connectDraft, waitFor } from '../../support/yjs-client.ts'
import { pdfText } from '../../support/pdf-text.ts'

// Text that must come out as text, never as markup.
const TEXT_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)></iframe>",
  '</p><script src=//evil.example/x.js></script>',
  '<a href="javascript:alert(1)">klick</a>',
  '<body onload=alert(1)>',
  '<style>@import "javascript:alert(1)"</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<!--<script>-->alert(1)',
  ']]><script>alert(1)</script><![CDATA[',
]

// Link targets a browser would run, in every spelling we know of.
const HREF_PAYLOADS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'JAVASCRIPT:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0000javascript:alert(1)',
  ' javascript:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;&#x61;vascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'javascript://example.org/%0aalert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'VBScript:MsgBox("x")',
  'https://example.org/" onmouseover="alert(1)',
  'https://example.org/"><script>alert(1)</script>',
  '//evil.example/x',
]

// Titles that try to break out of the attribute.
const TITLE_PAYLOADS = [
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)' autofocus='",
  '"><script>alert(1)</script>',
  '</a><img src=x onerror=alert(1)>',
]

const CORPUS_SIZE = TEXT_PAYLOADS.length + HREF_PAYLOADS.length + TITLE_PAYLOADS.length + 7

/** Writes the corpus into a Yjs document the way a (malicious) editor client could. */
function writeCorpus(doc: Y.Doc): void {
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT)
  const paragraph = (...texts: Y.XmlText[]) => {
    const p = new Y.XmlElement('paragraph')
    p.insert(0, texts)
    return p
  }
  const text = (value: string, attributes?: Record<string, unknown>) => {
    const t = new Y.XmlText()
    t.insert(0, value, attributes)
    return t
  }
  doc.transact(() => {
    const blocks: Y.XmlElement[] = []
    for (const payload of TEXT_PAYLOADS) blocks.push(paragraph(text(payload)))
    HREF_PAYLOADS.forEach((href, i) => blocks.push(paragraph(text(`Link ${i}: `), text('hier klicken', { link: { href } }))))
    for (const title of TITLE_PAYLOADS) blocks.push(paragraph(text('sicherer Link', { link: { href: 'https://example.org/ok', title } })))

    // Elements and attributes the schema does not know.
    const script = new Y.XmlElement('script')
    script.insert(0, [text('alert(1)')])
    const img = new Y.XmlElement('image')
    img.setAttribute('src', 'javascript:alert(1)')
    img.setAttribute('onerror', 'alert(1)')
    const clicky = paragraph(text('Absatz mit onclick'))
    clicky.setAttribute('onclick', 'alert(1)')
    const heading = new Y.XmlElement('heading')
    heading.setAttribute('level', '2" onclick="alert(1)')
    heading.insert(0, [text('Überschrift mit kaputtem Level')])
    const iframe = new Y.XmlElement('iframe')
    iframe.setAttribute('src', 'https://evil.example')
    const extraAttrs = paragraph(
      text('Link mit Extras', { link: { href: 'https://example.org/x', onclick: 'alert(1)', target: '_blank', class: 'x" onclick="y' } }),
    )
    const unknownMark = paragraph(text('unbekannte Auszeichnung', { script: { src: 'https://evil.example/x.js' } }))
    blocks.push(script, img, clicky, heading, iframe, extraAttrs, unknownMark)
    blocks.push(paragraph(text('ENDE DES KORPUS')))
    fragment.insert(fragment.length, blocks)
  })
}

const DANGEROUS_URL = /^(javascript|vbscript|data|file):/i
const ALLOWED_TEXT_TAGS = new Set(['P', 'H2', 'H3', 'H4', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'STRONG', 'EM', 'A', 'BR', 'HR'])

const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'svg', 'math', 'style', 'img', 'applet', 'template'])
// A start or end tag with its attributes (quoted values may contain ">" and "<").
const TAG = /<\/?([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g

/** Fails if the HTML contains anything a browser would execute. */
function expectNothingExecutable(html: string, where: string, textOnly = false): void {
  const window = new Window()
  const document = new window.DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html')
  expect(document.querySelectorAll([...FORBIDDEN_TAGS].join(', ')).length, where).toBe(0)
  for (const el of document.body.querySelectorAll('*')) {
    if (textOnly) expect(ALLOWED_TEXT_TAGS.has(el.tagName), `${where}: <${el.tagName}>`).toBe(true)
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.toLowerCase().startsWith('on'), `${where}: ${attr.name} on <${el.tagName}>`).toBe(false)
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'background', 'poster'].includes(attr.name.toLowerCase())) {
        // Browsers drop whitespace and controls inside a scheme: so must this check.
        const squeezed = (attr.value ?? '').replace(/[\u0000-\u0020\u007f-\u00a0]/g, '')
        expect(DANGEROUS_URL.test(squeezed), `${where}: ${attr.name}="${attr.value}"`).toBe(false)
        if (textOnly && attr.name === 'href') expect(attr.value, where).toMatch(/^(https?:\/\/|mailto:)/)
      }
    }
  }
  window.close()
  // The same on the raw text, in case happy-dom's parser is kinder than a browser's.
  const raw = html.replace(/^<!doctype html>/i, '')
  for (const [, name, attrs] of raw.matchAll(TAG)) {
    expect(FORBIDDEN_TAGS.has(name!.toLowerCase()), `${where}: raw <${name}>`).toBe(false)
    for (const [, attr] of (attrs ?? '').matchAll(ATTR)) expect(attr!.toLowerCase().startsWith('on'), `${where}: raw ${attr}`).toBe(false)
  }
  // Whatever is not a well-formed tag must not open one either (no comments, no half tags).
  expect(raw.replace(TAG, ''), where).not.toMatch(/<[a-zA-Z!/?]/)
}

function linksOf(node: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (node && typeof node === 'object') {
    const n = node as { marks?: Array<{ type: string; attrs?: Record<string, unknown> }>; content?: unknown[] }
    for (const mark of n.marks ?? []) if (mark.type === 'link') out.push(mark.attrs ?? {})
    for (const child of n.content ?? []) linksOf(child, out)
  }
  return out
}

function typesOf(node: unknown, out = new Set<string>()): Set<string> {
  if (node && typeof node === 'object') {
    const n = node as { type?: string; marks?: Array<{ type: string }>; content?: unknown[] }
    if (n.type) out.add(n.type)
    for (const mark of n.marks ?? []) out.add(`mark:${mark.type}`)
    for (const child of n.content ?? []) typesOf(child, out)
  }
  return out
}

let server: TestServer
let env: AdoptEnv
let world: PublishingWorld
let slug: string

beforeAll(async () => {
  server = await startTestServer()
  env = serverEnv(server)
  world = buildPublishingWorld(env)
  const position = buildPosition(server.db, { groupId: world.groupId, createdBy: world.coordinator.id, title: '<script>alert("Titel")</script> Wohnen' })
  slug = position.slug

  // The corpus reaches the draft the way an editor's changes do: over the sync websocket.
  const editor = connectDraft(server.syncUrl, position.id, world.coordinator.cookie)
  await editor.synced()
  writeCorpus(editor.doc)
  await waitFor(
    () => {
      const { doc } = loadDocFromDb(server.db, position.id)
      const stored = doc.getXmlFragment(DRAFT_FRAGMENT).toString()
      doc.destroy()
      return stored.includes('ENDE DES KORPUS')
    },
    { what: 'the corpus to be stored' },
  )
  editor.destroy()

  const { outcome } = await decide(env, world, position.id)
  expect(outcome).toBe('adopted')
  const res = await env.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {
    summary: '<img src=x onerror=alert(1)> "Zusammenfassung"',
  })
  expect(res.status, await res.clone().text()).toBe(200)
})
afterAll(async () => {
  await server.stop()
})

describe('XSS corpus written through the sync endpoint, adopted and published', () => {
  it('has at least 30 payloads, and a check that would notice them', () => {
    expect(CORPUS_SIZE).toBeGreaterThanOrEqual(30)
    const executable = [
      '<script>alert(1)</script>',
      '<p><a href="java\tscript:alert(1)">x</a></p>',
      '<p><a href=" JAVASCRIPT:alert(1)">x</a></p>',
      '<p><a href="data:text/html,x">x</a></p>',
      '<p onclick="alert(1)">x</p>',
      '<p><img src=x onerror=alert(1)></p>',
      '<p title="x"><svg onload=alert(1)></svg></p>',
      '<p>x</p><!--<script>-->',
    ]
    for (const html of executable) expect(() => expectNothingExecutable(html, 'sample'), html).toThrow()
    expect(() => expectNothingExecutable('<p><a href="https://example.org" title="&quot;><script>">x</a></p>', 'sample', true)).not.toThrow()
  })

  it('leaves nothing executable in the public page', async () => {
    const res = await env.client.get(`/p/${slug}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await res.text()
    // The result bar is our own SVG, drawn from numbers only; everything else may hold no SVG.
    const bar = /<figure class="result-bar"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? ''
    expect(bar).toContain('<svg role="img"')
    expect(bar).not.toMatch(/<(script|foreignObject|a|image|use)\b|\son\w+=|href=/i)
    expectNothingExecutable(html.replace(bar, ''), 'page')
    const text = /<section class="public-text[^"]*"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? ''
    expect(text).toContain('ENDE DES KORPUS')
    expectNothingExecutable(text, 'page text', true)
    // The payloads are still there, as visible text.
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;script&gt;alert(&quot;Titel&quot;)&lt;/script&gt; Wohnen')
  })

  it('keeps only web and mail links, with harmless titles', async () => {
    const json = (await (await env.client.get(`/api/public/positions/${slug}`)).json()) as { content: unknown; html: string }
    const links = linksOf(json.content)
    expect(links.length).toBeGreaterThan(0)
    for (const link of links) {
      expect(String(link.href)).toMatch(/^(https?:\/\/|mailto:)[^\s"<>]*$/)
      expect(link.target ?? null).toBeNull()
      expect(link.class ?? null).toBeNull()
      expect(Object.keys(link).some((k) => k.startsWith('on'))).toBe(false)
    }
    expect([...typesOf(json.content)].sort()).toEqual(
      expect.arrayContaining(['doc', 'paragraph', 'text', 'mark:link']),
    )
    for (const type of typesOf(json.content)) {
      expect(['doc', 'paragraph', 'heading', 'text', 'mark:link', 'mark:bold', 'mark:italic']).toContain(type)
    }
    expectNothingExecutable(json.html, 'json html', true)
  })

  it('leaves nothing executable in the feed', async () => {
    const xml = await (await env.client.get('/feed.atom')).text()
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml).feed
    const entry = feed.entry.find((e: { id: string }) => e.id.endsWith(`/p/${slug}`))
    expect(entry.title).toBe('<script>alert("Titel")</script> Wohnen')
    expect(entry.content['@_type']).toBe('html')
    expectNothingExecutable(entry.content['#text'], 'feed content')
    // Title and summary are text; as XML they carry no markup, and nothing but Atom elements exists.
    const elements = new Set([...xml.matchAll(/<([a-zA-Z][\w:-]*)/g)].map((m) => m[1]))
    expect([...elements].sort()).toEqual(
      ['author', 'category', 'content', 'entry', 'feed', 'generator', 'id', 'link', 'name', 'published', 'subtitle', 'summary', 'title', 'updated'],
    )
  })

  it('leaves nothing executable in the PDF', async () => {
    const res = await env.client.get(`/p/${slug}.pdf`)
    const bytes = Buffer.from(await res.arrayBuffer())
    const raw = bytes.toString('latin1')
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch|SubmitForm|ImportData|OpenAction|AA|RichMedia|EmbeddedFile)\b/)
    const uris = [...raw.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)].map((m) => m[1]!)
    expect(uris.length).toBeGreaterThan(0)
    for (const uri of uris) expect(uri).toMatch(/^(https?:\/\/|mailto:)/)
    expect(pdfText(bytes)).toContain('ENDE DES KORPUS')
  })
})

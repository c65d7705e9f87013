import { Window } from 'happy-dom'
import { afterAll, describe, expect, it } from 'vitest'
import { renderHtml } from '../../../server/content/render-html.ts'

// Output is checked by parsing it the way a browser would, not by string matching: what counts
// is which elements and attributes a browser builds from it.
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } })
afterAll(() => window.happyDOM.close())

const ALLOWED_TAGS = new Set(['H2', 'H3', 'H4', 'P', 'STRONG', 'EM', 'A', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'HR', 'BR'])
const ALLOWED_ATTRS: Record<string, Set<string>> = {
  A: new Set(['href', 'rel', 'title']),
  OL: new Set(['start', 'type']),
}

function parse(html: string) {
  const root = window.document.createElement('div')
  root.innerHTML = html
  return root
}

/** Fails when the HTML would make a browser run anything or contains elements we never write. */
function expectInert(html: string) {
  const root = parse(html)
  for (const el of Array.from(root.querySelectorAll('*'))) {
    expect(ALLOWED_TAGS.has(el.tagName), `unexpected <${el.tagName}> in ${html}`).toBe(true)
    for (const attr of Array.from(el.attributes)) {
      expect(ALLOWED_ATTRS[el.tagName]?.has(attr.name) ?? false, `unexpected ${attr.name} on <${el.tagName}>`).toBe(true)
    }
    if (el.tagName === 'A') {
      const href = el.getAttribute('href')
      if (href !== null) expect(href).toMatch(/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i)
      expect(el.getAttribute('rel')).toBe('noopener noreferrer nofollow')
    }
  }
  return root
}

const paragraph = (text: string, marks?: unknown[]) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] }],
})
const linked = (href: string, title: string | null = null, text = 'Klick') =>
  paragraph(text, [{ type: 'link', attrs: { href, title } }])

const TEXT_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<body onload=alert(1)>',
  '<style>*{color:red}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<!--<img src=x onerror=alert(1)>-->',
  ']]><script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<details open ontoggle=alert(1)>',
  '<object data="data:text/html,<script>alert(1)</script>">',
]

const HREF_PAYLOADS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\u0000script:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript&#58;alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  '/relative/path',
  'https:\\\\evil.example',
  'https://exa mple.org',
  'https://\u200bexample.org',
  'http://example.org/"onmouseover="alert(1)',
  'https://example.org/<script>',
  'https://example.org/`x`',
  'mailto:',
  'https://',
  'https:/example.org',
  'blob:https://example.org/uuid',
]

describe('renderHtml', () => {
  it('renders every supported element with the shared extensions', () => {
    const html = renderHtml({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Wohnen' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'fett', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'kursiv', marks: [{ type: 'italic' }] },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }] }] },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b' }] }] }],
        },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Zitat' }] }] },
        { type: 'horizontalRule' },
      ],
    })
    expect(html).toBe(
      '<h2>Wohnen</h2><p><strong>fett</strong><br><em>kursiv</em></p><ul><li><p>a</p></li></ul>' +
        '<ol start="3"><li><p>b</p></li></ol><blockquote><p>Zitat</p></blockquote><hr>',
    )
    expectInert(html)
  })

  it('keeps allowed links with our rel and nothing else', () => {
    const html = renderHtml(linked('https://example.org/a?b=1&c=2', 'Beispiel'))
    expect(html).toBe('<p><a rel="noopener noreferrer nofollow" href="https://example.org/a?b=1&amp;c=2" title="Beispiel">Klick</a></p>')
    expect(renderHtml(linked('mailto:ag-wohnen@example.org'))).toContain('href="mailto:ag-wohnen@example.org"')
    expect(renderHtml(linked('HTTP://EXAMPLE.ORG'))).toContain('href="HTTP://EXAMPLE.ORG"')
  })

  it.each(TEXT_PAYLOADS)('shows text payload %j as text', (payload) => {
    const root = expectInert(renderHtml(paragraph(payload)))
    expect(root.textContent).toBe(payload)
  })

  it.each(HREF_PAYLOADS)('drops the link but keeps the words for href %j', (href) => {
    const html = renderHtml(linked(href))
    const root = expectInert(html)
    expect(root.querySelector('a')).toBeNull()
    expect(root.textContent).toBe('Klick')
  })

  it.each(TEXT_PAYLOADS)('escapes title payload %j', (title) => {
    const root = expectInert(renderHtml(linked('https://example.org', title)))
    expect(root.querySelector('a')?.getAttribute('title')).toBe(title)
  })

  it('ignores rel, target and class sent by a client', () => {
    const html = renderHtml(
      paragraph('x', [{ type: 'link', attrs: { href: 'https://example.org', target: '_top', rel: 'opener', class: 'admin' } }]),
    )
    expect(html).toBe('<p><a rel="noopener noreferrer nofollow" href="https://example.org">x</a></p>')
  })

  it('keeps an ordered list type attribute harmless', () => {
    expect(() =>
      renderHtml({
        type: 'doc',
        content: [{ type: 'orderedList', attrs: { type: '" onmouseover="alert(1)' }, content: [] }],
      }),
    ).toThrow(expect.objectContaining({ code: 'unknown_content' }))
  })
})

/** What an import left out, by kind, for the report shown after it. */
export type DroppedKind = 'table' | 'image' | 'comment' | 'tracked_change' | 'link' | 'footnote' | 'code'

export interface Dropped {
  kind: DroppedKind
  count: number
}

export class DroppedList {
  private readonly counts = new Map<DroppedKind, number>()

  add(kind: DroppedKind, count = 1): void {
    if (count > 0) this.counts.set(kind, (this.counts.get(kind) ?? 0) + count)
  }

  list(): Dropped[] {
    return [...this.counts].map(([kind, count]) => ({ kind, count }))
  }
}

function removeBlocks(html: string, tag: string, onRemove: () => void): string {
  // Innermost first, so nested tables go with the table around them.
  const inner = new RegExp(`<${tag}\\b[^>]*>(?:(?!<${tag}\\b)[\\s\\S])*?</${tag}>`, 'gi')
  let out = html
  for (let guard = 0; guard < 1000; guard++) {
    let found = false
    out = out.replace(inner, () => {
      found = true
      return '\u0000'
    })
    if (!found) break
  }
  // One count per outermost removed block.
  const outer = out.match(/\u0000+/g)?.length ?? 0
  for (let i = 0; i < outer; i++) onRemove()
  return out.replace(/\u0000+/g, '')
}

export interface CleanHtml {
  html: string
  /** The text of a leading `<h1>`, which names the document (an export's title). */
  title: string | null
}

const ALLOWED_HREF = /^(https?:|mailto:)/i

/**
 * Prepares HTML from mammoth or our Markdown reader for the schema's parser: tables and images
 * are removed and counted, a leading h1 becomes the title, headings are fitted into the
 * schema's h2–h4, and links the schema would unlink are counted.
 */
export function cleanHtml(input: string, dropped: DroppedList): CleanHtml {
  let html = removeBlocks(input, 'table', () => dropped.add('table'))
  html = html.replace(/<img\b[^>]*>/gi, () => {
    dropped.add('image')
    return ''
  })
  let title: string | null = null
  const lead = /^\s*<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)
  if (lead) {
    title = decodeEntities(lead[1]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim() || null
    html = html.slice(lead[0].length)
  }
  html = html.replace(/<p\b[^>]*>\s*<\/p>/gi, '')
  // Word's "Heading 1" is a document's top section, which is our h2: with any h1 left, every
  // heading moves one level down; without, the levels are ours already (our own export).
  if (/<h1\b/i.test(html)) html = html.replace(/<(\/?)h([1-6])\b/gi, (_m, slash: string, n: string) => `<${slash}h${Math.min(Number(n) + 1, 4)}`)
  else html = html.replace(/<(\/?)h[56]\b/gi, '<$1h4')
  for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)) {
    const href = decodeEntities(match[1]!)
    // mammoth links each footnote mark to the note and back: count the notes, not their links.
    if (/^#(foot|end)note-ref-/.test(href)) continue
    if (/^#(foot|end)note-/.test(href)) dropped.add('footnote')
    else if (!ALLOWED_HREF.test(href)) dropped.add('link')
  }
  return { html, title }
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

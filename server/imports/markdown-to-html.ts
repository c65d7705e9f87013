import { escapeHtml, type DroppedList } from './html-cleanup.ts'

/**
 * A small CommonMark reader for what a position can hold: ATX headings, paragraphs, hard
 * breaks, bullet and numbered lists (nested by indentation), block quotes, thematic breaks,
 * bold, italic, links and autolinks. Code becomes plain text; tables and images are left out
 * and counted. It writes HTML that the schema's parser reads (parse-html.ts), escaping all text.
 */
export function markdownToHtml(markdown: string, dropped: DroppedList): string {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\t/g, '    ')
  return blocks(text.replace(FRONT_MATTER, '').split('\n'), dropped, 0)
}

// YAML front matter (our export's facts, or a static site generator's): metadata, not text.
const FRONT_MATTER = /^---\n(?:[^\n]*\n){0,100}?---\n/

const MAX_NESTING = 20
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const RULE = /^ {0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$/
const QUOTE = /^ {0,3}> ?(.*)$/
const ITEM = /^( {0,3})([-+*]|(\d{1,9})[.)])( +|$)(.*)$/
const FENCE = /^ {0,3}(```+|~~~+)/
const TABLE_SEPARATOR = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/

function blocks(lines: string[], dropped: DroppedList, depth: number): string {
  const out: string[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (line.trim() === '') {
      i++
      continue
    }
    const heading = HEADING.exec(line)
    if (heading) {
      const level = heading[1]!.length
      out.push(`<h${level}>${inline(heading[2] ?? '', dropped)}</h${level}>`)
      i++
      continue
    }
    if (RULE.test(line)) {
      out.push('<hr>')
      i++
      continue
    }
    const fence = FENCE.exec(line)
    if (fence) {
      const body: string[] = []
      i++
      while (i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!)) body.push(lines[i++]!)
      i++
      dropped.add('code')
      out.push(...body.filter((l) => l.trim() !== '').map((l) => `<p>${escapeHtml(l)}</p>`))
      continue
    }
    if (i + 1 < lines.length && line.includes('|') && TABLE_SEPARATOR.test(lines[i + 1]!)) {
      while (i < lines.length && lines[i]!.trim() !== '' && lines[i]!.includes('|')) i++
      dropped.add('table')
      continue
    }
    if (QUOTE.test(line)) {
      const inner: string[] = []
      while (i < lines.length && lines[i]!.trim() !== '' && (QUOTE.test(lines[i]!) || inner.length > 0)) {
        const quoted = QUOTE.exec(lines[i]!)
        inner.push(quoted ? quoted[1]! : lines[i]!)
        i++
      }
      out.push(depth < MAX_NESTING ? `<blockquote>${blocks(inner, dropped, depth + 1)}</blockquote>` : paragraph(inner, dropped))
      continue
    }
    if (ITEM.test(line) && depth < MAX_NESTING) {
      const [html, next] = list(lines, i, dropped, depth)
      out.push(html)
      i = next
      continue
    }
    const para: string[] = []
    while (i < lines.length) {
      const l = lines[i]!
      if (l.trim() === '' || (para.length && (HEADING.test(l) || RULE.test(l) || QUOTE.test(l) || FENCE.test(l) || ITEM.test(l)))) break
      para.push(l)
      i++
    }
    out.push(paragraph(para, dropped))
  }
  return out.join('')
}

function list(lines: string[], start: number, dropped: DroppedList, depth: number): [string, number] {
  const first = ITEM.exec(lines[start]!)!
  const ordered = first[3] !== undefined
  const items: string[] = []
  let i = start
  while (i < lines.length) {
    const match = ITEM.exec(lines[i]!)
    if (!match || (match[3] !== undefined) !== ordered) break
    const width = match[1]!.length + match[2]!.length + Math.max(1, Math.min(match[4]!.length, 4))
    const body = [match[5]!]
    i++
    while (i < lines.length) {
      const l = lines[i]!
      if (l.trim() === '') {
        // A blank line continues the item only when indented content follows.
        const after = lines[i + 1]
        if (after !== undefined && after.trim() !== '' && indentOf(after) >= width) {
          body.push('')
          i++
          continue
        }
        break
      }
      if (indentOf(l) >= width) body.push(l.slice(width))
      else if (ITEM.test(l) || HEADING.test(l) || QUOTE.test(l) || RULE.test(l)) break
      else body.push(l.trimStart()) // a lazy continuation of the item's paragraph
      i++
    }
    items.push(`<li>${blocks(body, dropped, depth + 1)}</li>`)
    while (i < lines.length && lines[i]!.trim() === '' && lines[i + 1] !== undefined && ITEM.test(lines[i + 1]!)) i++
  }
  const startAttr = ordered && Number(first[3]) !== 1 ? ` start="${Number(first[3])}"` : ''
  return [ordered ? `<ol${startAttr}>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`, i]
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length
}

function paragraph(lines: string[], dropped: DroppedList): string {
  const parts = lines.map((line, i) => {
    const last = i === lines.length - 1
    const hard = !last && (/ {2,}$/.test(line) || /\\$/.test(line))
    const text = inline(line.replace(/\\$/, '').trim(), dropped)
    return hard ? `${text}<br>` : last ? text : `${text} `
  })
  return `<p>${parts.join('')}</p>`
}

const ESCAPABLE = '\\`*_{}[]()#+-.!|<>~"\''

/** Emphasis, links and code spans of one line; everything else is text. */
function inline(text: string, dropped: DroppedList): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '\\' && i + 1 < text.length && ESCAPABLE.includes(text[i + 1]!)) {
      out += escapeHtml(text[i + 1]!)
      i += 2
      continue
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1)
      if (end > i) {
        out += escapeHtml(text.slice(i + 1, end))
        i = end + 1
        continue
      }
    }
    if (ch === '!' && text[i + 1] === '[') {
      const link = linkAt(text, i + 1)
      if (link) {
        dropped.add('image')
        i = link.end
        continue
      }
    }
    if (ch === '[') {
      const link = linkAt(text, i)
      if (link) {
        out += `<a href="${escapeHtml(link.href)}">${inline(link.label, dropped)}</a>`
        i = link.end
        continue
      }
    }
    if (ch === '<') {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(text.slice(i))
      if (auto) {
        out += `<a href="${escapeHtml(auto[1]!)}">${escapeHtml(auto[1]!)}</a>`
        i += auto[0].length
        continue
      }
    }
    if (ch === '*' || ch === '_') {
      const strong = text.startsWith(ch + ch, i)
      const marker = strong ? ch + ch : ch
      const end = closingMarker(text, i + marker.length, marker)
      if (end > i + marker.length) {
        const tag = strong ? 'strong' : 'em'
        out += `<${tag}>${inline(text.slice(i + marker.length, end), dropped)}</${tag}>`
        i = end + marker.length
        continue
      }
    }
    out += escapeHtml(ch)
    i++
  }
  return out
}

/** Where `marker` closes emphasis opened before `from` (not right after a space), or -1. */
function closingMarker(text: string, from: number, marker: string): number {
  if (from >= text.length || /\s/.test(text[from]!)) return -1
  let at = from
  while ((at = text.indexOf(marker, at + 1)) !== -1) {
    if (!/\s/.test(text[at - 1]!) && text[at - 1] !== '\\' && (marker.length === 2 || text[at + 1] !== marker)) return at
  }
  return -1
}

function linkAt(text: string, open: number): { label: string; href: string; end: number } | null {
  let depth = 0
  let close = -1
  for (let j = open; j < text.length; j++) {
    if (text[j] === '\\') j++
    else if (text[j] === '[') depth++
    else if (text[j] === ']' && --depth === 0) {
      close = j
      break
    }
  }
  if (close < 0 || text[close + 1] !== '(') return null
  const rest = text.slice(close + 2)
  const target = /^\s*(?:<([^<>\n]*)>|([^\s()]*))(?:\s+"[^"]*")?\s*\)/.exec(rest)
  if (!target) return null
  return { label: text.slice(open + 1, close), href: target[1] ?? target[2] ?? '', end: close + 2 + target[0].length }
}

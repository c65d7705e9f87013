import { childrenOf, hasMark, headingLevel, linkOf, type PmNode } from './content-walk.ts'

export interface MarkdownHeader {
  title: string
  /** Facts about the text (alliance, version, date, checksum), written as YAML front matter. */
  facts: Array<[string, string]>
}

// Characters that would start markup where text is meant.
const INLINE_SPECIAL = /([\\`*_[\]<>])/g

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$1')
}

/** A line's start that Markdown would read as a block (heading, list, quote, rule). */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)(#{1,6}\s|[-+*]\s|\d+[.)]\s|>|-{3,}\s*$|={3,}\s*$)/, (_m, space: string, mark: string) => `${space}\\${mark}`)
}

function inline(nodes: PmNode[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      out += '\\\n'
      continue
    }
    if (node.type !== 'text' || typeof node.text !== 'string') continue
    // Emphasis markers must hug the words: leading and trailing spaces stay outside them.
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text) ?? []
    let text = escapeInline(core)
    if (text) {
      if (hasMark(node, 'italic')) text = `*${text}*`
      if (hasMark(node, 'bold')) text = `**${text}**`
      const href = linkOf(node)
      if (href) text = `[${text}](<${href.replace(/[<>]/g, encodeURIComponent)}>)`
    }
    out += lead + text + trail
  }
  return out
}

function textblock(node: PmNode): string {
  return inline(childrenOf(node))
    .split('\n')
    .map((line, i) => (i === 0 ? escapeLineStart(line) : line))
    .join('\n')
}

function indent(text: string, prefix: string, first: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line === '' ? '' : prefix + line))
    .join('\n')
}

function block(node: PmNode): string {
  switch (node.type) {
    case 'paragraph':
      return textblock(node)
    case 'heading':
      return `${'#'.repeat(headingLevel(node))} ${inline(childrenOf(node)).replace(/\\\n/g, ' ')}`
    case 'horizontalRule':
      return '---'
    case 'blockquote':
      return blocks(childrenOf(node))
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n')
    case 'bulletList':
      return childrenOf(node)
        .map((item) => indent(blocks(childrenOf(item)), '  ', '- '))
        .join('\n')
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1) || 1
      return childrenOf(node)
        .map((item, i) => {
          const marker = `${start + i}. `
          return indent(blocks(childrenOf(item)), ' '.repeat(marker.length), marker)
        })
        .join('\n')
    }
    default:
      return blocks(childrenOf(node))
  }
}

function blocks(nodes: PmNode[]): string {
  return nodes
    .map(block)
    .filter((b) => b !== '')
    .join('\n\n')
}

/**
 * A position's text as CommonMark: the facts as YAML front matter (which Markdown tools and our
 * import skip), the title as `#` heading, then the text.
 */
export function toMarkdown(content: unknown, header: MarkdownHeader): string {
  const doc = content as PmNode
  const front = ['---', ...header.facts.map(([key, value]) => `${key}: ${JSON.stringify(value)}`), '---'].join('\n')
  return `${front}\n\n# ${escapeInline(header.title)}\n\n${blocks(childrenOf(doc))}\n`
}

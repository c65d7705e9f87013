const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'bulletList', 'orderedList', 'horizontalRule'])

/** The words of a ProseMirror document, blocks separated by spaces: for search and previews. */
export function plainText(json: unknown, max = 100_000): string {
  const parts: string[] = []
  let length = 0
  const walk = (node: unknown, depth: number): void => {
    if (length > max || depth > 64 || node === null || typeof node !== 'object') return
    const n = node as { type?: unknown; text?: unknown; content?: unknown }
    if (typeof n.text === 'string') {
      parts.push(n.text)
      length += n.text.length
    }
    if (n.type === 'hardBreak') parts.push(' ')
    if (Array.isArray(n.content)) for (const child of n.content) walk(child, depth + 1)
    if (typeof n.type === 'string' && BLOCKS.has(n.type)) parts.push(' ')
  }
  walk(json, 0)
  return parts.join('').replace(/\s+/g, ' ').trim().slice(0, max)
}

/** The first words of a text, cut at a word boundary. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

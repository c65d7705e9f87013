/**
 * Plain text as a document of the editor's schema: a blank line starts a new paragraph, a single
 * line break stays a line break. The text area of a form without JavaScript is read this way on
 * the server, and the editor that replaces it starts from the same reading.
 */
export function plainTextDoc(text: string): { type: 'doc'; content: Array<Record<string, unknown>> } {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return {
    type: 'doc',
    content: paragraphs.map((p) => ({
      type: 'paragraph',
      content: p.split('\n').flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' }] : []), ...(line ? [{ type: 'text', text: line }] : [])]),
    })),
  }
}

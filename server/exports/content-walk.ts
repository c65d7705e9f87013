/**
 * The parts of a position's text that exports walk over: ProseMirror JSON as the shared schema
 * writes it (doc, paragraph, heading, bulletList, orderedList, listItem, blockquote,
 * horizontalRule, hardBreak, text with bold, italic and link marks).
 */
export interface PmMark {
  type: string
  attrs?: Record<string, unknown>
}

export interface PmNode {
  type: string
  attrs?: Record<string, unknown>
  content?: PmNode[]
  marks?: PmMark[]
  text?: string
}

export function childrenOf(node: PmNode): PmNode[] {
  return Array.isArray(node.content) ? node.content : []
}

export function hasMark(node: PmNode, type: string): boolean {
  return (node.marks ?? []).some((m) => m.type === type)
}

export function linkOf(node: PmNode): string | null {
  const link = (node.marks ?? []).find((m) => m.type === 'link')
  const href = link?.attrs?.href
  return typeof href === 'string' ? href : null
}

export function headingLevel(node: PmNode): number {
  const level = Number(node.attrs?.level ?? 2)
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2
}

import { diffArrays, diffWords } from 'diff'

/** A ProseMirror JSON node, as far as the diff cares. */
export interface PmNode {
  type: string
  attrs?: Record<string, unknown>
  content?: PmNode[]
  text?: string
  marks?: unknown[]
}

/** One text block of a document (paragraph, heading …) with where it sits (list, quote). */
export interface TextBlock {
  type: string
  /** Heading level, when the block is a heading. */
  level?: number
  /** Container types from the document root down, e.g. ['bulletList', 'listItem']. */
  context: string[]
  text: string
}

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

export interface DiffBlock {
  /** equal: unchanged; changed: edited words; inserted / deleted: the whole block is new / gone. */
  status: 'equal' | 'changed' | 'inserted' | 'deleted'
  type: string
  level?: number
  context: string[]
  parts: DiffPart[]
}

const INLINE_BREAK = '\n'

/** Flattens a document into its text blocks in reading order; containers only add context. */
export function textBlocks(doc: PmNode): TextBlock[] {
  const blocks: TextBlock[] = []
  const visit = (node: PmNode, context: string[]) => {
    const children = node.content ?? []
    const isTextBlock = children.length === 0 ? node.type !== 'doc' && !CONTAINERS.has(node.type) : children.every(isInline)
    if (isTextBlock && node.type !== 'doc') {
      const block: TextBlock = { type: node.type, context, text: children.map(inlineText).join('') }
      if (node.type === 'heading' && typeof node.attrs?.level === 'number') block.level = node.attrs.level
      blocks.push(block)
      return
    }
    const inner = node.type === 'doc' ? context : [...context, node.type]
    for (const child of children) visit(child, inner)
  }
  visit(doc, [])
  return blocks
}

const CONTAINERS = new Set(['doc', 'bulletList', 'orderedList', 'listItem', 'blockquote'])

function isInline(node: PmNode): boolean {
  return node.type === 'text' || node.type === 'hardBreak'
}

function inlineText(node: PmNode): string {
  return node.type === 'hardBreak' ? INLINE_BREAK : (node.text ?? '')
}

function keyOf(block: TextBlock): string {
  return JSON.stringify([block.type, block.level ?? null, block.context, block.text])
}

function whole(block: TextBlock, status: DiffBlock['status'], op: DiffPart['op']): DiffBlock {
  const out: DiffBlock = { status, type: block.type, context: block.context, parts: block.text ? [{ op, text: block.text }] : [] }
  if (block.level !== undefined) out.level = block.level
  return out
}

function changed(before: TextBlock, after: TextBlock): DiffBlock {
  const parts: DiffPart[] = diffWords(before.text, after.text).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }))
  const out: DiffBlock = { status: 'changed', type: after.type, context: after.context, parts }
  if (after.level !== undefined) out.level = after.level
  return out
}

/**
 * A word-level diff per block. Blocks are aligned first (jsdiff's diffArrays on whole blocks);
 * a run of removed blocks directly followed by a run of added ones is read as edits of the
 * same blocks, pairwise in order, and diffed word by word (diffWords); what is left over of
 * such a run is a wholly deleted or inserted block.
 */
export function diffDocuments(before: PmNode, after: PmNode): DiffBlock[] {
  const a = textBlocks(before)
  const b = textBlocks(after)
  const changes = diffArrays(a.map(keyOf), b.map(keyOf))
  const out: DiffBlock[] = []
  let i = 0
  let j = 0
  for (let k = 0; k < changes.length; k++) {
    const change = changes[k]!
    if (!change.added && !change.removed) {
      for (let n = 0; n < change.count; n++) out.push(whole(b[j + n]!, 'equal', 'equal'))
      i += change.count
      j += change.count
      continue
    }
    if (change.removed) {
      const next = changes[k + 1]
      const removed = a.slice(i, i + change.count)
      const added = next?.added ? b.slice(j, j + next.count) : []
      const pairs = Math.min(removed.length, added.length)
      for (let n = 0; n < pairs; n++) out.push(changed(removed[n]!, added[n]!))
      for (const block of removed.slice(pairs)) out.push(whole(block, 'deleted', 'delete'))
      for (const block of added.slice(pairs)) out.push(whole(block, 'inserted', 'insert'))
      i += removed.length
      j += added.length
      if (next?.added) k++
      continue
    }
    for (const block of b.slice(j, j + change.count)) out.push(whole(block, 'inserted', 'insert'))
    j += change.count
  }
  return out
}

/** How much changed, for a one-line summary above a diff. */
export function diffStats(blocks: readonly DiffBlock[]): { inserted: number; deleted: number; changed: number } {
  let inserted = 0
  let deleted = 0
  let changedCount = 0
  for (const block of blocks) {
    if (block.status === 'inserted') inserted++
    else if (block.status === 'deleted') deleted++
    else if (block.status === 'changed') changedCount++
  }
  return { inserted, deleted, changed: changedCount }
}

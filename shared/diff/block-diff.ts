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

/** Share of text two blocks have in common (0..1), by words: 2 × common characters / total characters. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  if (!a || !b) return 0
  let common = 0
  for (const change of diffWords(a, b)) if (!change.added && !change.removed) common += change.value.length
  return (2 * common) / (a.length + b.length)
}

/** Blocks this similar (and of the same type) are shown as one edited block, else as deleted + inserted. */
export const EDIT_SIMILARITY = 0.4
/** Above this many block pairs in one replaced stretch, blocks are paired by position (bounded work). */
const MAX_PAIRINGS = 2_500

/**
 * Aligns a stretch of removed blocks with the stretch of added blocks that replaced it: blocks
 * of the same type whose words are mostly alike become one edited block, the others are deleted
 * or inserted as a whole (so a new heading is not shown as an edit of the paragraph it replaced).
 */
function alignReplaced(removed: TextBlock[], added: TextBlock[], out: DiffBlock[]): void {
  if (removed.length * added.length > MAX_PAIRINGS) {
    const pairs = Math.min(removed.length, added.length)
    for (let n = 0; n < pairs; n++) out.push(changed(removed[n]!, added[n]!))
    for (const block of removed.slice(pairs)) out.push(whole(block, 'deleted', 'delete'))
    for (const block of added.slice(pairs)) out.push(whole(block, 'inserted', 'insert'))
    return
  }
  const alike = (x: TextBlock, y: TextBlock) => x.type === y.type && similarity(x.text, y.text) >= EDIT_SIMILARITY
  const changes = diffArrays(removed, added, { comparator: alike })
  let i = 0
  let j = 0
  for (const change of changes) {
    if (change.removed) {
      for (const block of removed.slice(i, i + change.count)) out.push(whole(block, 'deleted', 'delete'))
      i += change.count
    } else if (change.added) {
      for (const block of added.slice(j, j + change.count)) out.push(whole(block, 'inserted', 'insert'))
      j += change.count
    } else {
      for (let n = 0; n < change.count; n++) out.push(changed(removed[i + n]!, added[j + n]!))
      i += change.count
      j += change.count
    }
  }
}

/**
 * A word-level diff per block. Blocks are aligned first (jsdiff's diffArrays on whole blocks);
 * where a run of blocks was replaced by another run, alike blocks are paired up as edits and
 * diffed word by word (diffWords); the rest are wholly deleted or inserted blocks.
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
      alignReplaced(removed, added, out)
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

import { Fragment, Slice, type Node as PmNode, type ResolvedPos } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import { editorSchema } from '../../shared/editor/extensions.ts'
import { fail } from '../../shared/errors.ts'
import { buildContent } from '../content/build-content.ts'

/** The replacement of an amendment as block nodes; none means "delete the passage". */
export type Replacement = PmNode[]

/** Plain text to paragraphs: blank lines separate paragraphs, a single line break stays one. */
export function replacementFromText(text: string): Replacement {
  const schema = editorSchema()
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => {
      const inline: PmNode[] = []
      paragraph.split('\n').forEach((line, i) => {
        if (i > 0) inline.push(schema.nodes.hardBreak!.create())
        if (line.trim() !== '') inline.push(schema.text(line.trim()))
      })
      return schema.nodes.paragraph!.create(null, inline)
    })
}

/** A ProseMirror fragment (block nodes as JSON), checked against the schema like any content from outside. */
export function replacementFromContent(content: readonly unknown[]): Replacement {
  if (content.length === 0) return []
  const doc = buildContent(editorSchema(), { type: 'doc', content }, 'strict')
  const nodes: PmNode[] = []
  doc.content.forEach((node) => nodes.push(node))
  return nodes.every((node) => node.textContent.trim() === '' && node.isTextblock) ? [] : nodes
}

export function replacementFromJson(json: string): Replacement {
  return replacementFromContent(JSON.parse(json) as unknown[])
}

export function replacementJson(nodes: Replacement): string {
  return JSON.stringify(nodes.map((node) => node.toJSON()))
}

/** The replacement as a reader sees it: blocks separated by a blank line. */
export function replacementText(nodes: Replacement): string {
  return nodes.map((node) => node.textBetween(0, node.content.size, '\n', '\n')).join('\n\n')
}

/**
 * How far an end of the replacement joins the text around the passage: a paragraph joins the
 * paragraph it lands in (1); a list (or quote) whose edge leads to a paragraph through the same
 * nodes as the passage's end joins as deep as that (so a passage cut across list items, put
 * back, fits where it came from); anything else stands as a block of its own (0).
 */
function openDepth(node: PmNode, $pos: ResolvedPos, side: 'first' | 'last'): number {
  const chain: PmNode[] = []
  for (let n: PmNode | null = node; n; n = n.isTextblock ? null : side === 'first' ? n.firstChild : n.lastChild) chain.push(n)
  const edge = chain[chain.length - 1]!
  if (edge.isTextblock && chain.length === $pos.depth && chain.every((n, i) => n.type === $pos.node(i + 1).type)) return chain.length
  return node.isTextblock ? 1 : 0
}

/**
 * The passage [from, to) of `doc` replaced, the way pasting the replacement over the selected
 * passage would do it: a paragraph at either end joins the text around the passage. Refuses
 * (`amendment_range`) what cannot be placed there.
 */
export function applyReplacement(doc: PmNode, from: number, to: number, nodes: Replacement): PmNode {
  const tr = new Transform(doc)
  try {
    if (nodes.length === 0) tr.delete(from, to)
    else {
      const fragment = Fragment.fromArray(nodes)
      tr.replace(from, to, new Slice(fragment, openDepth(nodes[0]!, doc.resolve(from), 'first'), openDepth(nodes[nodes.length - 1]!, doc.resolve(to), 'last')))
    }
    tr.doc.check()
  } catch {
    fail('amendment_range', { key: 'amendments.error.does_not_fit' }, 'content')
  }
  return tr.doc
}

/**
 * Checks that [from, to) is a passage of the text: inside it, not empty, and starting and ending
 * within text blocks (a paragraph, a heading, a list item's paragraph). Returns its quote.
 */
export function passageQuote(doc: PmNode, from: number, to: number): string {
  const size = doc.content.size
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > size || from >= to) {
    fail('amendment_range', { key: 'amendments.error.range_outside', params: { size } }, 'from')
  }
  if (!doc.resolve(from).parent.isTextblock || !doc.resolve(to).parent.isTextblock) {
    fail('amendment_range', { key: 'amendments.error.range_not_text' }, 'from')
  }
  const quote = doc.textBetween(from, to, '\n', ' ')
  if (quote.trim() === '') fail('amendment_range', { key: 'amendments.error.range_empty' }, 'from')
  return quote
}

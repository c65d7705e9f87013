import type { TextHooks } from './panel.ts'

// Elements of a frozen text that are marks in ProseMirror (no position of their own), and
// leaves (one position each); every other element is a node with an opening and a closing.
const MARKS = new Set(['STRONG', 'EM', 'B', 'I', 'U', 'S', 'CODE', 'A', 'SPAN', 'MARK', 'SUB', 'SUP'])
const LEAVES = new Set(['BR', 'HR', 'IMG'])
// Blocks that hold other blocks, never text: whitespace between their children is no content.
const CONTAINERS = new Set(['UL', 'OL', 'LI', 'BLOCKQUOTE'])

/**
 * The ProseMirror position of a DOM point in a frozen text rendered from the version's JSON
 * (server/content/render-html.ts): the same tree, so positions can be counted as ProseMirror
 * counts them. Null when the point is outside the text.
 */
export function proseMirrorPosition(root: Element, node: Node, offset: number): number | null {
  let pos = 0
  const walk = (parent: Node, outer: boolean): number | null => {
    const children = parent.childNodes
    for (let i = 0; i < children.length; i++) {
      if (parent === node && i === offset) return pos
      const child = children[i]!
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child as Text
        const ignorable = (outer || CONTAINERS.has((parent as Element).tagName)) && text.data.trim() === ''
        if (child === node) return ignorable ? pos : pos + offset
        if (!ignorable) pos += text.data.length
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = (child as Element).tagName
        if (MARKS.has(tag)) {
          const found = walk(child, false)
          if (found !== null) return found
        } else if (LEAVES.has(tag)) {
          if (child === node) return pos
          pos += 1
        } else {
          pos += 1
          const found = walk(child, false)
          if (found !== null) return found
          pos += 1
        }
      }
    }
    if (parent === node) return pos
    return null
  }
  return root.contains(node) || root === node ? walk(root, true) : null
}

/** The text nodes of a frozen text with the ProseMirror position each starts at (counted as above). */
function textSegments(root: Element): Array<{ node: Text; start: number }> {
  const segments: Array<{ node: Text; start: number }> = []
  let pos = 0
  const walk = (parent: Node, outer: boolean) => {
    for (const child of Array.from(parent.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child as Text
        if ((outer || CONTAINERS.has((parent as Element).tagName)) && text.data.trim() === '') continue
        segments.push({ node: text, start: pos })
        pos += text.data.length
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = (child as Element).tagName
        if (MARKS.has(tag)) walk(child, false)
        else if (LEAVES.has(tag)) pos += 1
        else {
          pos += 1
          walk(child, false)
          pos += 1
        }
      }
    }
  }
  walk(root, true)
  return segments
}

/** The DOM point of a ProseMirror position inside the text (the nearest text at or after it). */
function domPoint(root: Element, at: number, end: boolean): { node: Text; offset: number } | null {
  const segments = textSegments(root)
  for (const { node, start } of segments) {
    const stop = start + node.data.length
    if (end ? at > start && at <= stop : at >= start && at < stop) return { node, offset: at - start }
  }
  return null
}

/** Marks the passages with open threads: shaded and underlined (not by colour alone). */
function drawHighlights(root: Element, list: Array<{ id: string; from: number; to: number }>): void {
  for (const mark of Array.from(root.querySelectorAll('mark.comment-highlight'))) mark.replaceWith(...Array.from(mark.childNodes))
  root.normalize()
  for (const h of list) {
    for (const { node, start } of textSegments(root)) {
      const from = Math.max(h.from, start) - start
      const to = Math.min(h.to, start + node.data.length) - start
      if (from >= to) continue
      const range = document.createRange()
      range.setStart(node, from)
      range.setEnd(node, to)
      const mark = document.createElement('mark')
      mark.className = 'comment-highlight'
      mark.dataset.commentId = h.id
      range.surroundContents(mark)
    }
  }
}

/** The panel's view of a frozen text: a passage selected with the mouse or the keyboard. */
export function frozenTextHooks(root: Element): TextHooks {
  const current = () => {
    const selection = getSelection()
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
    const range = selection.getRangeAt(0)
    if (!root.contains(range.commonAncestorContainer)) return null
    const from = proseMirrorPosition(root, range.startContainer, range.startOffset)
    const to = proseMirrorPosition(root, range.endContainer, range.endOffset)
    const text = selection.toString().trim()
    return from !== null && to !== null && from < to && text ? { from, to, text } : null
  }
  return {
    selection: current,
    onSelection: (listener) => document.addEventListener('selectionchange', listener),
    highlight: (list) => drawHighlights(root, list),
    show: (from, to) => {
      const start = domPoint(root, from, false)
      const end = domPoint(root, to, true)
      if (!start || !end) return
      ;(root as HTMLElement).focus({ preventScroll: true })
      getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset)
      start.node.parentElement?.scrollIntoView({ block: 'center' })
    },
  }
}

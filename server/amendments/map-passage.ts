import type { Node as PmNode } from '@tiptap/pm/model'

/**
 * Where a passage of a frozen version stands in the live draft now, found by aligning the two
 * texts token by token (one token per ProseMirror position: a character with its marks, a
 * block's opening or closing, a leaf such as a line break). The passage is placed when every one
 * of its tokens is still there, in one piece; otherwise it was changed in the draft since the
 * version (a conflict the coordinator resolves by hand).
 */
export type PassageInDraft =
  | { ok: true; from: number; to: number }
  | { ok: false; reason: 'changed' | 'too_many_changes' }

/**
 * Edits between version and draft beyond which the alignment is not attempted (its memory grows
 * with the square of the edits): far more than a draft sees between two versions.
 */
export const MAX_EDITS = 4000

/** The token of each position of the document's content (`tokens.length === doc.content.size`). */
export function tokensOf(doc: PmNode): string[] {
  const out: string[] = []
  const walk = (node: PmNode): void => {
    if (node.isText) {
      const marks = node.marks.length ? '|' + node.marks.map((m) => m.type.name + JSON.stringify(m.attrs)).join(',') : ''
      for (const ch of node.text ?? '') out.push('t' + ch + marks)
    } else if (node.isLeaf) {
      out.push('l' + node.type.name + JSON.stringify(node.attrs))
    } else {
      out.push('o' + node.type.name + JSON.stringify(node.attrs))
      node.content.forEach(walk)
      out.push('c' + node.type.name)
    }
  }
  doc.content.forEach(walk)
  return out
}

/** Maps the range [from, to) of `version` into `draft`. */
export function mapPassage(version: PmNode, draft: PmNode, from: number, to: number, maxEdits = MAX_EDITS): PassageInDraft {
  const matches = alignTokens(tokensOf(version), tokensOf(draft), maxEdits)
  if (!matches) return { ok: false, reason: 'too_many_changes' }
  let previous = -1
  for (let i = from; i < to; i++) {
    const j = matches[i]!
    if (j < 0 || (i > from && j !== previous + 1)) return { ok: false, reason: 'changed' }
    previous = j
  }
  return { ok: true, from: matches[from]!, to: previous + 1 }
}

/**
 * For each token of `a`, the index of the token of `b` it is aligned with in a shortest edit
 * script (Myers' O(ND) algorithm), or -1 when it was deleted; null beyond `maxEdits` edits.
 */
export function alignTokens(aTokens: readonly string[], bTokens: readonly string[], maxEdits: number): Int32Array | null {
  const ids = new Map<string, number>()
  const intern = (tokens: readonly string[]) => Int32Array.from(tokens, (t) => ids.get(t) ?? (ids.set(t, ids.size), ids.size - 1))
  const a = intern(aTokens)
  const b = intern(bTokens)
  const matches = new Int32Array(a.length).fill(-1)
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) matches[start] = start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) matches[--endA] = --endB
  return myers(a.subarray(start, endA), b.subarray(start, endB), maxEdits, (i, j) => (matches[start + i] = start + j)) ? matches : null
}

function myers(a: Int32Array, b: Int32Array, maxEdits: number, match: (i: number, j: number) => void): boolean {
  const n = a.length
  const m = b.length
  const max = Math.min(n + m, maxEdits)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  v[offset + 1] = 0
  // trace[d]: v at the start of step d, for k in [-d-1, d+1].
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = d
        break
      }
    }
  }
  if (found < 0) return false
  let x = n
  let y = m
  for (let d = found; d >= 0; d--) {
    const snap = trace[d]!
    const at = (k: number) => snap[k + d + 1]!
    const k = x - y
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      x--
      y--
      match(x, y)
    }
    x = prevX
    y = prevY
  }
  return true
}

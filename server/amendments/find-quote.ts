import type { Node as PmNode } from '@tiptap/pm/model'
import { fail } from '../../shared/errors.ts'

/**
 * Finds a passage by its words (the form without JavaScript names a passage by quoting it): the
 * one place inside a text block where it occurs. Refuses a quote found nowhere or more than once.
 */
export function findQuote(doc: PmNode, quote: string): { from: number; to: number } {
  const wanted = quote.trim()
  const found: Array<{ from: number; to: number }> = []
  if (wanted !== '') {
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true
      // Only plain text blocks map characters to positions one to one; others are skipped.
      let ok = true
      node.forEach((child) => (ok &&= child.isText))
      if (!ok) return false
      const text = node.textContent
      for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) found.push({ from: pos + 1 + at, to: pos + 1 + at + wanted.length })
      return false
    })
  }
  if (found.length === 0) fail('amendment_range', { key: 'amendments.error.quote_not_found' }, 'quote')
  if (found.length > 1) fail('amendment_range', { key: 'amendments.error.quote_ambiguous', params: { n: found.length } }, 'quote')
  return found[0]!
}

/** Where one sentence of a version came from: the amendments whose text it contains (none: the draft). */
export interface SentenceOrigin {
  paragraph: number
  text: string
  amendments: number[]
}

const SENTENCE_END = /(?<=[.!?…])\s+/u

/**
 * Splits a version's paragraphs into sentences and attributes each to the merged amendments whose
 * replacement text appears in it (a later amendment's text wins where it replaced an earlier
 * one's). Text no amendment brought came from the draft as the group wrote it.
 */
export function sentenceOrigins(paragraphs: readonly string[], amendments: ReadonlyArray<{ number: number; text: string }>): SentenceOrigin[] {
  const out: SentenceOrigin[] = []
  paragraphs.forEach((paragraph, index) => {
    const from = new Array<number[]>(paragraph.length)
    for (const amendment of amendments) {
      for (const piece of amendment.text.split(/\n\s*\n/).map((p) => p.trim())) {
        if (piece.length < 2) continue
        for (let at = paragraph.indexOf(piece); at >= 0; at = paragraph.indexOf(piece, at + piece.length)) {
          for (let i = at; i < at + piece.length; i++) (from[i] ??= []).push(amendment.number)
        }
      }
    }
    let start = 0
    for (const sentence of paragraph.split(SENTENCE_END)) {
      const at = paragraph.indexOf(sentence, start)
      const numbers = new Set<number>()
      for (let i = at; i < at + sentence.length; i++) for (const n of from[i] ?? []) numbers.add(n)
      if (sentence.trim() !== '') out.push({ paragraph: index, text: sentence, amendments: [...numbers].sort((a, b) => a - b) })
      start = at + sentence.length
    }
  })
  return out
}

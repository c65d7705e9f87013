import type { Bidi } from 'bidi-js'
import { ARABIC_SUBSET, fontName, subsetFor, type FontStyle } from './pdf-fonts.ts'

/** A piece of text as the document has it: logical order, one style, maybe a link. */
export interface Piece {
  text: string
  style: FontStyle
  link?: string
}

/** A piece as pdfkit must get it: one font, in visual order. */
export interface VisualRun {
  text: string
  font: string
  link?: string
  /** The run's text in logical order, for runs whose glyphs do not tell their letters (Arabic). */
  actualText?: string
}

/** Text pdfkit can lay out: control characters go, soft hyphens too (pdfkit would print them). */
export function pdfClean(text: string, options: { keepNewlines?: boolean } = {}): string {
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!
    if (ch === '\n' && options.keepNewlines) out += ch
    else if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) out += ' '
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xad || code === 0xfeff) continue
    else out += ch
  }
  return out
}

const isSpace = (code: number) => code === 0x20 || code === 0xa0 || code === 0x202f

/**
 * Splits a paragraph into runs pdfkit can set: each in the font subset that has its script, and
 * in visual order by the Unicode bidi algorithm (bidi-js), with the whole paragraph taken as one
 * line. fontkit shapes Arabic given in logical order and then reverses the run itself, so an
 * Arabic run is handed over in logical order; every other run in visual order.
 */
export function visualRuns(bidi: Bidi, pieces: Piece[], direction?: 'ltr' | 'rtl'): { runs: VisualRun[]; rtl: boolean } {
  const text = pieces.map((p) => p.text).join('')
  if (text.length === 0) return { runs: [], rtl: false }
  const owner: number[] = []
  pieces.forEach((p, i) => {
    for (let k = 0; k < p.text.length; k++) owner.push(i)
  })
  // The subset of each UTF-16 unit; spaces go with the letters before them, so words of one
  // script stay one run (Arabic joins and orders within a run).
  const subset: string[] = new Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!
    if (i > 0 && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff) subset[i] = subset[i - 1]!
    else subset[i] = isSpace(code) ? '' : subsetFor(code)
  }
  let last = subset.find((s) => s !== '') ?? 'latin'
  for (let i = 0; i < text.length; i++) {
    if (subset[i] === '') subset[i] = last
    else last = subset[i]!
  }
  const levels = bidi.getEmbeddingLevels(text, direction)
  const rtl = (levels.paragraphs[0]?.level ?? 0) % 2 === 1
  const order = levels.levels.some((l) => l % 2 === 1) ? bidi.getReorderedIndices(text, levels) : [...text].map((_, i) => i)
  const runs: VisualRun[] = []
  let group: number[] = []
  const flush = () => {
    if (group.length === 0) return
    const first = group[0]!
    const piece = pieces[owner[first]!]!
    const push = (units: string[], sub: string) => {
      const run: VisualRun = { text: units.join(''), font: fontName(sub, piece.style) }
      if (piece.link !== undefined) run.link = piece.link
      // Shaped Arabic shares glyphs between letters (the dots are separate marks), so a glyph
      // cannot tell which letter it was: the run carries its text as ActualText for copying and
      // search. poppler (pdftotext, evince) reads ActualText in visual order, like the glyphs.
      if (sub === ARABIC_SUBSET) run.actualText = [...run.text].reverse().join('')
      runs.push(run)
    }
    const units = group.map((i) => text[i]!)
    if (subset[first] !== ARABIC_SUBSET) push(units, subset[first]!)
    else {
      // fontkit lays out an Arabic run in logical order and reverses it itself, but loses the
      // width of spaces inside it: each word is its own run (handed over in logical order), each
      // space a Latin one.
      let word: string[] = []
      const flushWord = () => {
        if (word.length) push(word.reverse(), ARABIC_SUBSET)
        word = []
      }
      for (const unit of units) {
        if (isSpace(unit.charCodeAt(0))) {
          flushWord()
          push([unit], 'latin')
        } else word.push(unit)
      }
      flushWord()
    }
    group = []
  }
  for (const i of order) {
    const prev = group[group.length - 1]
    if (prev !== undefined && (subset[prev] !== subset[i] || owner[prev] !== owner[i] || levels.levels[prev] !== levels.levels[i])) flush()
    group.push(i)
  }
  flush()
  return { runs, rtl }
}

/** True when the text has a right-to-left letter: such paragraphs are broken into lines by us. */
export function hasRtl(bidi: Bidi, text: string): boolean {
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch)
    if (type === 'R' || type === 'AL') return true
  }
  return false
}

/** The paragraph's base direction: that of its first strong letter (Unicode P2, P3). */
export function baseDirection(bidi: Bidi, text: string): 'ltr' | 'rtl' {
  return (bidi.getEmbeddingLevels(text).paragraphs[0]?.level ?? 0) % 2 === 1 ? 'rtl' : 'ltr'
}

/** The pieces that make up text[start, end). */
export function slicePieces(pieces: Piece[], start: number, end: number): Piece[] {
  const out: Piece[] = []
  let at = 0
  for (const piece of pieces) {
    const from = Math.max(start, at)
    const to = Math.min(end, at + piece.text.length)
    if (from < to) out.push({ ...piece, text: piece.text.slice(from - at, to - at) })
    at += piece.text.length
  }
  return out
}

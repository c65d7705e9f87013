import type { Bidi } from 'bidi-js'
import { baseDirection, slicePieces, visualRuns, type Piece, type VisualRun } from './pdf-runs.ts'

/** A document and how to turn text into its runs (bidi-js is built once per document). */
export interface Pdf {
  doc: PDFKit.PDFDocument
  bidi: Bidi
}

export interface Look {
  size: number
  color: string
  linkColor: string
}

// Noto Sans' ascender (1069 of 1000 units): every script is set on the Latin baseline, or
// Arabic, whose ascender is taller, would sit lower than the Latin words beside it.
const ASCENT = 1.069

function runsWidth(doc: PDFKit.PDFDocument, runs: VisualRun[], size: number): number {
  return runs.reduce((sum, run) => sum + doc.font(run.font).fontSize(size).widthOfString(run.text), 0)
}

/**
 * A paragraph with right-to-left text. pdfkit's own flow cannot order runs per line nor align
 * continued runs to the right, so here the paragraph is broken into lines at spaces (in logical
 * order, by measured width), and each line is ordered by the bidi algorithm with the paragraph's
 * direction and set run by run at computed positions: right-aligned when the paragraph is
 * right-to-left.
 */
export function bidiParagraph(pdf: Pdf, pieces: Piece[], x: number, width: number, look: Look): void {
  const { doc, bidi } = pdf
  const text = pieces.map((p) => p.text).join('')
  const direction = baseDirection(bidi, text)
  // Words with the spaces after them; a newline (hard break) ends a line.
  const tokens: Array<{ start: number; end: number; newline: boolean }> = []
  const re = /[^ \n]+ *|\n| +/g
  for (let m = re.exec(text); m; m = re.exec(text)) tokens.push({ start: m.index, end: m.index + m[0].length, newline: m[0] === '\n' })

  const lines: Array<[number, number]> = []
  let lineStart = 0
  let lineEnd = 0
  const measure = (start: number, end: number) => runsWidth(doc, visualRuns(bidi, slicePieces(pieces, start, end).map((p) => ({ ...p, text: p.text.replace(/ +$/, '') })), direction).runs, look.size)
  for (const token of tokens) {
    if (token.newline) {
      lines.push([lineStart, lineEnd])
      lineStart = lineEnd = token.end
      continue
    }
    if (lineEnd > lineStart && measure(lineStart, token.end) > width) {
      lines.push([lineStart, lineEnd])
      lineStart = token.start
    }
    lineEnd = token.end
  }
  if (lineEnd > lineStart || lines.length === 0) lines.push([lineStart, lineEnd])

  doc.fontSize(look.size)
  let y = doc.y
  for (const [start, end] of lines) {
    const linePieces = slicePieces(pieces, start, end).filter((p) => p.text.length > 0)
    const trimmed = trimEnd(linePieces)
    const { runs } = visualRuns(bidi, trimmed, direction)
    // Lines keep the Latin line height, so a paragraph with Arabic words is not spaced apart.
    doc.font('latin-regular').fontSize(look.size)
    const lineHeight = doc.currentLineHeight(true)
    if (y + lineHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage()
      y = doc.page.margins.top
    }
    const total = runsWidth(doc, runs, look.size)
    let cx = direction === 'rtl' ? x + Math.max(0, width - total) : x
    // Set run by run, the words of a line were separate pieces to a text extractor, which then
    // read a right-to-left paragraph word per line and out of order. The whole line is one span
    // whose ActualText is the line in visual order (as poppler reads ActualText, see pdf-runs.ts),
    // so copy, search and pdftotext get the line's words in the order they were written.
    const visual = runs.map((run) => run.actualText ?? run.text).join('')
    doc.markContent('Span', { actual: visual } as PDFKit.Mixins.MarkingOptions)
    for (const run of runs) {
      doc.font(run.font).fontSize(look.size).fillColor(run.link ? look.linkColor : look.color)
      const w = doc.widthOfString(run.text)
      doc.text(run.text, cx, y + ASCENT * look.size, { lineBreak: false, baseline: 'alphabetic', link: run.link ?? null, underline: run.link !== undefined })
      cx += w
    }
    doc.endMarkedContent()
    y += lineHeight
  }
  doc.font('latin-regular').fontSize(look.size)
  doc.x = x
  doc.y = y
}

function trimEnd(pieces: Piece[]): Piece[] {
  const out = pieces.slice()
  while (out.length) {
    const last = out[out.length - 1]!
    const text = last.text.replace(/ +$/, '')
    if (text.length) {
      out[out.length - 1] = { ...last, text }
      break
    }
    out.pop()
  }
  return out
}

import { isAllowedHref } from '../../shared/editor/link-policy.ts'
import type { BarSegment } from '../../shared/publishing/result-bar.ts'
import { drawResultBar } from './pdf-bar.ts'
import { registerFonts, type FontStyle } from './pdf-fonts.ts'
import { bidiParagraph, type Pdf } from './pdf-bidi-paragraph.ts'
import { hasRtl, pdfClean, visualRuns, type Piece } from './pdf-runs.ts'

/** Everything printed on the PDF, already translated: this module knows layout, not words. */
export interface PdfInput {
  title: string
  summary: string
  /** ProseMirror JSON of the adopted version (validated at publish time). */
  content: unknown
  header: string
  resultLabel: string
  resultText: string
  /** The answers by vote weight, drawn as a bar with its legend. */
  resultBar: { title: string; segments: BarSegment[] }
  withdrawn: { title: string; reason: string } | null
  signatoriesLabel: string
  /** Left out when empty. */
  signatories: string[]
  facts: Array<[label: string, value: string]>
  footer: string
  /** The alliance's letterhead above everything: its name, then website and contact lines. */
  letterhead?: { name: string; lines: string[] } | null
  /** "Seite {n} von {total}" (plain data: the input crosses to the render worker); without it the footer says "2/3". */
  pageLabel?: string
  /** Lines printed right under the title (a translation says what it translates, and that the adopted text counts). */
  notice?: string[]
  locale: string
  author: string
  /** Fixed creation date (the publication), so the same publication gives the same file. */
  createdAt: number
}

const FONT = { regular: 'regular', bold: 'bold', italic: 'italic', boldItalic: 'boldItalic' } as const satisfies Record<string, FontStyle>
const MARGIN = 56.69 // 2 cm, as the print stylesheet
const BODY_SIZE = 11
const HEADING_SIZE: Record<number, number> = { 2: 15, 3: 13, 4: 11.5 }
const LIST_INDENT = 18
const TEXT_COLOR = '#1a1a1a'
const MUTED = '#4a4a4a'
const LINK_COLOR = '#0b5cad'

interface PmNode {
  type?: unknown
  text?: unknown
  attrs?: Record<string, unknown>
  marks?: Array<{ type?: unknown; attrs?: Record<string, unknown> }>
  content?: unknown
}

function children(node: PmNode): PmNode[] {
  return Array.isArray(node.content) ? (node.content as PmNode[]).filter((n) => n !== null && typeof n === 'object') : []
}

/**
 * Renders the publication as an A4 PDF in Noto Sans, embedded (subset) so every script prints:
 * Latin with Turkish and Polish letters, Cyrillic, Greek, Arabic and Persian (shaped by fontkit,
 * ordered by bidi-js), Ethiopic (Tigrinya, Amharic). pdfkit and bidi-js are loaded on the first
 * PDF asked for, not at start (pdfkit is ~26 MiB of memory most servers rarely need), and a
 * font file is read only when a document uses it.
 */
export async function renderPdf(input: PdfInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const [{ default: PDFDocument }, { default: bidiFactory }] = await Promise.all([import('pdfkit'), import('bidi-js')])
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    compress: options.compress ?? true,
    bufferPages: true,
    lang: input.locale,
    displayTitle: true,
    info: {
      Title: pdfClean(input.title),
      Author: pdfClean(input.author),
      Subject: pdfClean(input.summary),
      Creator: 'Sprachrohr',
      Producer: 'Sprachrohr (pdfkit)',
      CreationDate: new Date(input.createdAt),
      ModDate: new Date(input.createdAt),
    },
  })
  registerFonts(doc)
  const pdf: Pdf = { doc, bidi: bidiFactory() }
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const left = doc.page.margins.left
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const plain = (text: string, style: FontStyle, size: number, color = TEXT_COLOR, extra: PDFKit.Mixins.TextOptions = {}) => {
    paragraph(pdf, [{ text: pdfClean(text, { keepNewlines: true }), style }], left, width, size, color, extra)
  }

  if (input.letterhead) {
    plain(input.letterhead.name, FONT.bold, 13)
    for (const line of input.letterhead.lines) plain(line, FONT.regular, 9, MUTED)
    doc.moveDown(0.3)
    doc.save().lineWidth(1).strokeColor('#0b5cad').moveTo(left, doc.y).lineTo(left + width, doc.y).stroke().restore()
    doc.moveDown(0.6)
  }
  plain(input.header, FONT.regular, 9, MUTED)
  doc.moveDown(0.6)
  plain(input.title, FONT.bold, 20)
  doc.moveDown(0.5)
  for (const line of input.notice ?? []) plain(line, FONT.italic, 10, MUTED)
  if (input.notice?.length) doc.moveDown(0.5)

  if (input.withdrawn) {
    const top = doc.y
    doc.moveDown(0.3)
    plain(input.withdrawn.title, FONT.bold, BODY_SIZE, '#a30d0d', { indent: 8 })
    plain(input.withdrawn.reason, FONT.regular, BODY_SIZE, '#5c0000', { indent: 8 })
    doc.moveDown(0.3)
    doc.save().lineWidth(2).strokeColor('#a30d0d').moveTo(left, top).lineTo(left, doc.y).stroke().restore()
    doc.moveDown(0.5)
  }
  if (input.summary) {
    plain(input.summary, FONT.italic, 12)
    doc.moveDown(0.5)
  }
  paragraph(pdf, [{ text: `${pdfClean(input.resultLabel)}: `, style: FONT.bold }, { text: pdfClean(input.resultText), style: FONT.regular }], left, width, BODY_SIZE)
  doc.moveDown(0.6)
  drawResultBar(doc, input.resultBar, { x: left, width }, (text, style, size, color, x, w) => paragraph(pdf, [{ text: pdfClean(text), style }], x, w, size, color))
  doc.moveDown(1)
  doc.save().lineWidth(0.5).strokeColor('#8a8a8a').moveTo(left, doc.y).lineTo(left + width, doc.y).stroke().restore()
  doc.moveDown(0.8)

  const root = input.content as PmNode
  for (const block of children(root)) renderBlock(pdf, block, { x: left, width, depth: 0 })

  if (input.signatories.length) {
    doc.moveDown(1)
    keepWithNext(doc, 3)
    plain(input.signatoriesLabel, FONT.bold, 13)
    doc.moveDown(0.3)
    for (const name of input.signatories) listLine(pdf, '•', [{ text: pdfClean(name), style: FONT.regular }], left + LIST_INDENT, width - LIST_INDENT)
  }

  doc.moveDown(1)
  for (const [label, value] of input.facts) {
    paragraph(pdf, [{ text: `${pdfClean(label)}: `, style: FONT.bold }, { text: pdfClean(value), style: FONT.regular }], left, width, 9.5, MUTED)
  }

  drawFooters(pdf, input.footer, input.pageLabel)
  doc.end()
  return done
}

interface Frame {
  x: number
  width: number
  depth: number
}

type Run = Piece

function renderBlock(pdf: Pdf, node: PmNode, frame: Frame): void {
  const { doc } = pdf
  if (frame.depth > 40) return
  switch (node.type) {
    case 'paragraph':
      paragraph(pdf, inlineRuns(node), frame.x, frame.width, BODY_SIZE)
      doc.moveDown(0.5)
      return
    case 'heading': {
      const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 2
      doc.moveDown(0.4)
      keepWithNext(doc, 4)
      const runs = inlineRuns(node).map((r): Run => ({ ...r, style: r.style === FONT.italic || r.style === FONT.boldItalic ? FONT.boldItalic : FONT.bold }))
      paragraph(pdf, runs, frame.x, frame.width, HEADING_SIZE[level] ?? BODY_SIZE)
      doc.moveDown(0.3)
      return
    }
    case 'bulletList':
    case 'orderedList': {
      const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1
      children(node).forEach((item, index) => {
        const marker = node.type === 'orderedList' ? `${start + index}.` : frame.depth % 2 === 0 ? '•' : '–'
        listItem(pdf, item, marker, { x: frame.x + LIST_INDENT, width: frame.width - LIST_INDENT, depth: frame.depth + 1 })
      })
      if (frame.depth === 0) doc.moveDown(0.3)
      return
    }
    case 'blockquote': {
      const top = doc.y
      const page = doc.page
      for (const child of children(node)) renderBlock(pdf, child, { x: frame.x + 14, width: frame.width - 14, depth: frame.depth + 1 })
      // A rule beside the quote, unless it broke across pages (then the indent alone shows it).
      if (doc.page === page) doc.save().lineWidth(2).strokeColor('#8a8a8a').moveTo(frame.x + 3, top).lineTo(frame.x + 3, doc.y - 6).stroke().restore()
      return
    }
    case 'horizontalRule':
      doc.moveDown(0.3)
      doc.save().lineWidth(0.5).strokeColor('#8a8a8a').moveTo(frame.x, doc.y).lineTo(frame.x + frame.width, doc.y).stroke().restore()
      doc.moveDown(0.8)
      return
    default:
      // Validated content has no other block types; if a future one slips through, keep its text.
      if (children(node).length) paragraph(pdf, inlineRuns(node), frame.x, frame.width, BODY_SIZE)
  }
}

/** Starts a new page unless a heading and `lines` body lines still fit on this one. */
function keepWithNext(doc: PDFKit.PDFDocument, lines: number): void {
  doc.font('latin-regular').fontSize(BODY_SIZE)
  if (doc.y + lines * doc.currentLineHeight(true) * 1.2 > doc.page.height - doc.page.margins.bottom) doc.addPage()
}

function listItem(pdf: Pdf, item: PmNode, marker: string, frame: Frame): void {
  let first = true
  for (const child of children(item)) {
    if (first && child.type === 'paragraph') {
      listLine(pdf, marker, inlineRuns(child), frame.x, frame.width)
      pdf.doc.moveDown(0.2)
    } else renderBlock(pdf, child, frame)
    first = false
  }
}

function listLine(pdf: Pdf, marker: string, runs: Run[], x: number, width: number): void {
  const { doc } = pdf
  // Keep the marker on the same page as its text.
  doc.font('latin-regular').fontSize(BODY_SIZE)
  if (doc.y + doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) doc.addPage()
  const y = doc.y
  doc.fillColor(TEXT_COLOR).text(marker, x - LIST_INDENT, y, { width: LIST_INDENT - 4, align: 'right', lineBreak: false })
  doc.y = y
  paragraph(pdf, runs, x, width, BODY_SIZE)
}

/** Sets pieces of text as one paragraph: per script in its font, right-aligned when it reads right to left. */
function paragraph(pdf: Pdf, pieces: Run[], x: number, width: number, size: number, color = TEXT_COLOR, extra: PDFKit.Mixins.TextOptions = {}): void {
  const { doc } = pdf
  const present = pieces.filter((r) => r.text.length > 0)
  if (present.some((p) => hasRtl(pdf.bidi, p.text))) {
    bidiParagraph(pdf, present, x, width, { size, color, linkColor: LINK_COLOR })
    return
  }
  const { runs } = visualRuns(pdf.bidi, present)
  if (runs.length === 0) {
    doc.font('latin-regular').fontSize(size).text(' ', x, doc.y, { width })
    return
  }
  runs.forEach((run, index) => {
    const options: PDFKit.Mixins.TextOptions = {
      ...extra,
      continued: index < runs.length - 1,
      link: run.link ?? null,
      underline: run.link !== undefined,
    }
    doc.font(run.font).fontSize(size).fillColor(run.link ? LINK_COLOR : color)
    if (index === 0) doc.text(run.text, x, doc.y, { width, ...options })
    else doc.text(run.text, options)
  })
}

function inlineRuns(node: PmNode): Run[] {
  const runs: Run[] = []
  let pendingBreak = false
  for (const child of children(node)) {
    if (child.type === 'hardBreak') {
      // pdfkit ignores a line break at the end of a run; at the start of the next one it breaks.
      pendingBreak = runs.length > 0
      continue
    }
    if (child.type !== 'text' || typeof child.text !== 'string') {
      runs.push(...inlineRuns(child))
      continue
    }
    const marks = Array.isArray(child.marks) ? child.marks : []
    const bold = marks.some((m) => m?.type === 'bold')
    const italic = marks.some((m) => m?.type === 'italic')
    const href = marks.find((m) => m?.type === 'link')?.attrs?.href
    const run: Run = {
      text: (pendingBreak ? '\n' : '') + pdfClean(child.text),
      style: bold && italic ? FONT.boldItalic : bold ? FONT.bold : italic ? FONT.italic : FONT.regular,
    }
    // The same rule as the HTML: only web and mail links become clickable.
    if (isAllowedHref(href)) run.link = href
    runs.push(run)
    pendingBreak = false
  }
  return runs
}

function drawFooters(pdf: Pdf, footer: string, pageLabel?: string): void {
  const { doc } = pdf
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing into the bottom margin would make pdfkit start a new page.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const page = pageLabel ? pageLabel.replace('{n}', String(i + 1)).replace('{total}', String(range.count)) : `${i + 1}/${range.count}`
    const text = `${pdfClean(footer)}  ·  ${pdfClean(page)}`
    doc.y = doc.page.height - bottom + 18
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
    paragraph(pdf, [{ text, style: FONT.regular }], doc.page.margins.left, width, 8, MUTED, { align: 'center', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
}

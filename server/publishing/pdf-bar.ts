import type { BarPattern, BarSegment } from '../../shared/publishing/result-bar.ts'
import type { FontStyle } from './pdf-fonts.ts'

type WriteText = (text: string, style: FontStyle, size: number, color: string, x: number, width: number) => void

const BAR_HEIGHT = 16
const SWATCH = 9

/** Fills a rectangle with a segment's colour and draws its pattern over it in white, clipped to it. */
function fillPattern(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number, color: string, pattern: BarPattern): void {
  doc.save()
  doc.rect(x, y, w, h).fill(pattern === 'empty' ? '#ffffff' : color)
  doc.rect(x, y, w, h).clip()
  doc.strokeColor('#ffffff').fillColor('#ffffff')
  if (pattern === 'stripes') {
    doc.lineWidth(1.5)
    for (let k = -h; k < w + h; k += 6) doc.moveTo(x + k, y + h).lineTo(x + k + h, y).stroke()
  } else if (pattern === 'cross') {
    doc.lineWidth(1)
    for (let k = -h; k < w + h; k += 6) {
      doc.moveTo(x + k, y + h).lineTo(x + k + h, y).stroke()
      doc.moveTo(x + k, y).lineTo(x + k + h, y + h).stroke()
    }
  } else if (pattern === 'dots') {
    for (let dx = 3; dx < w; dx += 6) for (let dy = 3; dy < h; dy += 6) doc.circle(x + dx, y + dy, 1.2).fill()
  }
  doc.restore()
  if (pattern === 'empty') doc.save().lineWidth(0.75).strokeColor(color).rect(x, y, w, h).stroke().restore()
}

/**
 * The answers by vote weight as a bar drawn with pdfkit's vector API (the same model as the
 * pages' SVG), followed by a legend that says every figure in words, so print in black and white
 * loses nothing.
 */
export function drawResultBar(
  doc: PDFKit.PDFDocument,
  bar: { title: string; segments: BarSegment[] },
  frame: { x: number; width: number },
  write: WriteText,
): void {
  if (bar.segments.length === 0) return
  if (doc.y + BAR_HEIGHT + 80 > doc.page.height - doc.page.margins.bottom) doc.addPage()
  write(bar.title, 'bold', 9.5, '#4a4a4a', frame.x, frame.width)
  doc.moveDown(0.2)
  const top = doc.y
  let x = frame.x
  for (const segment of bar.segments) {
    if (segment.share <= 0) continue
    const w = segment.share * frame.width
    fillPattern(doc, x, top, w, BAR_HEIGHT, segment.color, segment.pattern)
    x += w
  }
  doc.save().lineWidth(0.5).strokeColor('#8a8a8a').rect(frame.x, top, frame.width, BAR_HEIGHT).stroke().restore()
  doc.y = top + BAR_HEIGHT + 6
  for (const segment of bar.segments) {
    const y = doc.y
    fillPattern(doc, frame.x, y + 1.5, SWATCH, SWATCH, segment.color, segment.pattern)
    doc.save().lineWidth(0.5).strokeColor(segment.color).rect(frame.x, y + 1.5, SWATCH, SWATCH).stroke().restore()
    doc.y = y
    write(segment.text, 'regular', 9.5, '#1a1a1a', frame.x + SWATCH + 6, frame.width - SWATCH - 6)
  }
}

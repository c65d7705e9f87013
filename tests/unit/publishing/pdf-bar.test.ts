import { execFileSync } from 'node:child_process'
import { translator } from '../../../shared/i18n/index.ts'
import { describe, expect, it } from 'vitest'
import { resultBar } from '../../../shared/publishing/result-bar.ts'
import type { PublishedResult } from '../../../shared/publishing/result-sentence.ts'
import { renderPdf, type PdfInput } from '../../../server/publishing/render-pdf.ts'
import { pdfText } from '../../support/pdf-text.ts'

// The result bar in the PDF is drawn, not only described: the first page, rendered by poppler
// (as a reader's viewer would), has one row where the consent colour runs across half the text width.

const result: PublishedResult = {
  kind: 'consent',
  majority: null,
  electorate: 'initiatives',
  outcome: 'adopted',
  closedAt: Date.parse('2027-03-03T12:00:00Z'),
  tally: { consent: { count: 3, weight: 4 }, concern: { count: 1, weight: 1 } },
  eligible: { count: 6, weight: 8 },
  participation: 5 / 8,
}

function input(segments: PdfInput['resultBar']['segments']): PdfInput {
  return {
    title: 'Wohnen für alle',
    summary: '',
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Wir fordern Wohnungen.' }] }] },
    header: 'Sprachrohr · Arbeitsgruppe: AG Wohnen',
    resultLabel: 'Ergebnis',
    resultText: 'Im Konsens beschlossen',
    resultBar: { title: 'Antworten nach Stimmgewicht', segments },
    withdrawn: null,
    signatoriesLabel: 'Mitgezeichnet von',
    signatories: [],
    facts: [['Fassung', '1']],
    footer: 'https://example.org/p/wohnen',
    locale: 'de',
    author: 'Sprachrohr',
    createdAt: Date.parse('2027-03-04T12:00:00Z'),
  }
}

/** The first page as pixels (PPM from pdftoppm at 50 dpi): width, height and RGB bytes. */
function firstPage(pdf: Buffer): { width: number; height: number; rgb: Buffer } {
  const ppm = execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', '-'], { input: pdf })
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'))
  if (!header) throw new Error('pdftoppm gave no PPM')
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) }
}

/** The longest horizontal run of pixels close to `hex` on any row. */
function longestRun(page: { width: number; height: number; rgb: Buffer }, hex: string): number {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  let best = 0
  for (let y = 0; y < page.height; y++) {
    let run = 0
    for (let x = 0; x < page.width; x++) {
      const at = (y * page.width + x) * 3
      const close = want.every((c, k) => Math.abs(page.rgb[at + k]! - c) <= 24)
      run = close ? run + 1 : 0
      if (run > best) best = run
    }
  }
  return best
}

describe('the result bar in the PDF', { timeout: 60_000 }, () => {
  it('is drawn across the page by weight, with its figures as text below it', async () => {
    const bar = resultBar(result, translator('de'))
    const consent = bar.segments.find((s) => s.key === 'consent')!
    expect(consent.share).toBe(0.5)
    const pdf = await renderPdf(input(bar.segments))
    const page = firstPage(pdf)
    // Half of the text width (A4 minus margins) is far wider than any legend swatch or letter.
    expect(longestRun(page, consent.color)).toBeGreaterThan(page.width * 0.25)
    expect(pdfText(pdf)).toContain('Zustimmung: 3 (Stimmgewicht 4, 50 %)')
  })

  it('draws nothing for a secret round that may not show its weights', async () => {
    const bar = resultBar({ ...result, disclosure: 'outcome', tally: {} }, translator('de'))
    const pdf = await renderPdf(input(bar.segments))
    expect(longestRun(firstPage(pdf), '#1d6b2c')).toBeLessThan(20)
    expect(pdfText(pdf)).not.toContain('Antworten nach Stimmgewicht')
  })
})

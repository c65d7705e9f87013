import { execFileSync } from 'node:child_process'
import { translator } from '../../../shared/i18n/index.ts'
import { mkdirSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { resultBar } from '../../../shared/publishing/result-bar.ts'
import type { PublishedResult } from '../../../shared/publishing/result-sentence.ts'
import { renderPdf, type PdfInput } from '../../../server/publishing/render-pdf.ts'
import { pdfText } from '../../support/pdf-text.ts'

const NAMES = {
  turkish: 'Ayşe Yılmaz',
  arabic: 'محمد علي',
  persian: 'زهرا احمدی',
  ukrainian: 'Олена Шевченко',
  tigrinya: 'ሰላም ትግርኛ',
}

const result: PublishedResult = {
  kind: 'consent',
  majority: null,
  electorate: 'initiatives',
  outcome: 'adopted',
  closedAt: Date.parse('2027-03-03T12:00:00Z'),
  tally: { consent: { count: 3, weight: 4 }, concern: { count: 1, weight: 1 }, stand_aside: { count: 1, weight: 1 } },
  eligible: { count: 7, weight: 8 },
  participation: 6 / 8,
}

function input(overrides: Partial<PdfInput> = {}): PdfInput {
  return {
    title: `Wohnen für alle – ${NAMES.turkish}`,
    summary: '',
    content: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: `Zitat von ${NAMES.turkish}: „Wohnen ist ein Recht.“` }] },
        { type: 'paragraph', content: [{ type: 'text', text: `${NAMES.arabic}: السكن حق للجميع` }] },
        { type: 'paragraph', content: [{ type: 'text', text: `${NAMES.persian}: مسکن حق همه است` }] },
        { type: 'paragraph', content: [{ type: 'text', text: `${NAMES.ukrainian}: Житло — це право.` }] },
        { type: 'paragraph', content: [{ type: 'text', text: `${NAMES.tigrinya} (Tigrinya)` }] },
      ],
    },
    header: 'Sprachrohr · Arbeitsgruppe: AG Wohnen',
    resultLabel: 'Ergebnis',
    resultText: 'Im Konsens beschlossen',
    resultBar: { title: 'Antworten nach Stimmgewicht', segments: resultBar(result, translator('de')).segments },
    withdrawn: null,
    signatoriesLabel: 'Mitgezeichnet von',
    signatories: [`Initiative ${NAMES.ukrainian}`, `Verein ${NAMES.arabic}`],
    facts: [['Fassung', '2']],
    footer: 'https://example.org/p/wohnen',
    locale: 'de',
    author: 'Sprachrohr',
    createdAt: Date.parse('2027-03-04T12:00:00Z'),
    ...overrides,
  }
}

// pdftotext writes Arabic words of one line in visual order and without the spaces between
// them, and poppler folds the Persian yeh (U+06CC) into the Arabic one (U+064A) on the way out,
// while the PDF's ToUnicode map holds the right letter. Compare word by word, with that folding.
const fold = (s: string) => s.replace(/\u06cc/g, '\u064a').replace(/[\u200e\u200f\u202a-\u202e]/g, '')

// The first render reads and subsets five font files: on a busy two-core machine that took longer
// than the default 5 s. The timeout only ends a wait for a render that never comes.
describe('the PDF prints every script', { timeout: 60_000 }, () => {
  it('keeps Turkish, Arabic, Persian, Ukrainian and Tigrinya names and quotes readable as text', async () => {
    const pdf = await renderPdf(input())
    mkdirSync('tests/unit/publishing/.output', { recursive: true })
    writeFileSync('tests/unit/publishing/.output/scripts.pdf', pdf)
    const text = fold(pdfText(pdf))
    expect(text).not.toContain('?')
    for (const name of Object.values(NAMES)) for (const word of name.split(' ')) expect(text).toContain(fold(word))
    expect(text).toContain('Житло — це право.')
    expect(text).toContain('Wohnen für alle – Ayşe Yılmaz')
  })

  it('embeds Noto Sans subsets instead of the Latin-1 Helvetica', async () => {
    const pdf = await renderPdf(input(), { compress: false })
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' })
    expect(fonts).not.toContain('Helvetica')
    expect(fonts).toMatch(/NotoSansArabic/)
    expect(fonts).toMatch(/NotoSansEthiopic/)
  })

  it('reads a font file only when the text needs it', async () => {
    const pdf = await renderPdf(input({ content: { type: 'doc', content: [] }, signatories: [], title: 'Wohnen' }), { compress: false })
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' })
    expect(fonts).not.toMatch(/Arabic|Ethiopic/)
  })
})

import type { PublicationRow, TranslationRow } from '../../db/schema/index.ts'
import type { Locale, Translate } from '../../shared/i18n/index.ts'
import { resultBar } from '../../shared/publishing/result-bar.ts'
import { formatLongDate, resultSentence } from '../../shared/publishing/result-sentence.ts'
import { translationLanguage } from '../../shared/translations/languages.ts'
import type { Alliance } from '../alliance/read-alliance.ts'
import { pdfFooter, pdfLetterhead } from '../alliance/pdf-letterhead.ts'
import { publicUrlOf, storedResult } from '../publishing/present-publication.ts'
import { renderPdf } from '../publishing/render-pdf.ts'
import { translationUrlOf } from './present-translation.ts'

/**
 * The PDF of a translation: the alliance's letterhead, the translated title and text (set right
 * to left for Arabic script by the PDF renderer's bidi paragraphs), and under the title which
 * adopted version it translates and that the German text counts. Labels stay in the interface
 * language.
 */
export function renderTranslationPdf(input: { publication: PublicationRow; translation: TranslationRow; alliance: Alliance; publicUrl: string; t: Translate; locale: Locale }): Promise<Buffer> {
  const { publication: row, translation: tr, alliance, t, locale } = input
  const url = translationUrlOf(input.publicUrl, row.slug, tr.language)
  const original = publicUrlOf(input.publicUrl, row.slug)
  const date = (ms: number) => formatLongDate(ms, locale)
  const language = translationLanguage(tr.language)
  return renderPdf({
    title: tr.title,
    summary: tr.summary,
    content: JSON.parse(tr.content),
    header: `${alliance.name || t('app.name')} · ${t('publishing.group')}: ${row.group_name} · ${language?.[locale] ?? tr.language}`,
    letterhead: pdfLetterhead(alliance, t),
    notice: [t('translations.pdf_notice', { n: tr.version_number, hash: tr.version_hash, url: original })],
    resultLabel: t('publishing.result'),
    resultText: resultSentence(storedResult(row), locale),
    resultBar: { title: t('publishing.bar.title'), segments: resultBar(storedResult(row), locale).segments },
    withdrawn: null,
    signatoriesLabel: t('publishing.signatories'),
    signatories: [],
    facts: [
      [t('publishing.group'), row.group_name],
      [t('publishing.adopted_at'), date(row.adopted_at)],
      [t('translations.published_at'), date(tr.published_at ?? tr.updated_at)],
      [t('publishing.version'), String(tr.version_number)],
      [t('publishing.hash'), tr.version_hash],
      [t('alliance.pdf.online'), url],
    ],
    footer: pdfFooter(alliance, url),
    pageLabel: t('alliance.pdf.page', { n: '{n}', total: '{total}' }),
    locale: tr.language,
    author: alliance.name || t('app.name'),
    createdAt: tr.published_at ?? tr.updated_at,
  })
}

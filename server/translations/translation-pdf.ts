import type { PublicationRow, TranslationRow } from '../../db/schema/index.ts'
import type { Locale, Translate } from '../../shared/i18n/index.ts'
import { resultBar } from '../../shared/publishing/result-bar.ts'
import { formatLongDate, resultSentence } from '../../shared/publishing/result-sentence.ts'
import { translationLanguage, languageNameIn } from '../../shared/translations/languages.ts'
import type { Alliance } from '../alliance/read-alliance.ts'
import { pdfFooter, pdfLetterhead } from '../alliance/pdf-letterhead.ts'
import { publicUrlOf, storedResult } from '../publishing/present-publication.ts'
import type { PdfInput } from '../publishing/render-pdf.ts'
import type { Deps } from '../deps.ts'
import { translationUrlOf } from './present-translation.ts'

export interface TranslationPdfSource {
  publication: PublicationRow
  translation: TranslationRow
  alliance: Alliance
  publicUrl: string
  t: Translate
  locale: Locale
}

/**
 * The PDF of a published translation, laid out in the render worker (`deps.renders`) and kept in
 * `deps.caches.pdfs`. `basisKey` is the ETag of the response's basis (publication stamp, language,
 * interface language, the alliance's last change); the translation's own last change is added
 * to the key here, so a new text, a withdrawal and publishing again never find an old file.
 */
export async function translationPdf(deps: Pick<Deps, 'renders' | 'caches'>, basisKey: string, source: TranslationPdfSource): Promise<Uint8Array> {
  const { translation: tr, alliance } = source
  const key = `tr-pdf:${basisKey}:${tr.id}:${tr.updated_at}:${tr.status}:${alliance.updatedAt}`
  const hit = deps.caches.pdfs.get(key)
  if (hit) return hit
  const pdf = await deps.renders.pdf(translationPdfInput(source))
  deps.caches.pdfs.set(key, pdf)
  return pdf
}

/**
 * What the PDF of a translation shows: the alliance's letterhead, the translated title and text
 * (set right to left for Arabic script by the PDF renderer's bidi paragraphs), and under the
 * title which adopted version it translates and that the German text counts. Labels stay in the
 * interface language.
 */
export function translationPdfInput(input: TranslationPdfSource): PdfInput {
  const { publication: row, translation: tr, alliance, t, locale } = input
  const url = translationUrlOf(input.publicUrl, row.slug, tr.language)
  const original = publicUrlOf(input.publicUrl, row.slug)
  const date = (ms: number) => formatLongDate(ms, locale)
  const language = translationLanguage(tr.language)
  return {
    title: tr.title,
    summary: tr.summary,
    content: JSON.parse(tr.content),
    header: `${alliance.name || t('app.name')} · ${t('publishing.group')}: ${row.group_name} · ${(language ? languageNameIn(language, locale) : tr.language)}`,
    letterhead: pdfLetterhead(alliance, t),
    notice: [t('translations.pdf_notice', { n: tr.version_number, hash: tr.version_hash, url: original })],
    resultLabel: t('publishing.result'),
    resultText: resultSentence(storedResult(row), t),
    resultBar: { title: t('publishing.bar.title'), segments: resultBar(storedResult(row), t).segments },
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
  }
}

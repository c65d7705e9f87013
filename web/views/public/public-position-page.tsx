import type { BarSegment } from '../../../shared/publishing/result-bar.ts'
import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { formatLongDate } from '../../../shared/publishing/result-sentence.ts'
import { ResultBarView } from '../result-bar-view.tsx'
import { Layout, SuccessNotice, type PageContext } from '../layout.tsx'
import { CoSignForms, type CoSignChoice } from './co-sign-forms.tsx'
import { PublicHead } from './public-head.tsx'
import { contentMark, Sentence } from '../with-content.tsx'
import type { SitePublisher } from '../alliance/site-publisher.tsx'
import { AdoptedAmendments, type ContainedAmendment } from '../amendments/contained-amendments.tsx'
import { TranslationLanguages, type TranslationLink } from '../translations/translation-languages.tsx'

export interface PublicPositionView {
  positionId: string
  slug: string
  title: string
  summary: string
  /** Plain text of the adopted version, for link previews when there is no summary. */
  excerpt: string
  groupName: string
  adoptedAt: number
  publishedAt: number
  updatedAt: number
  versionNumber: number
  versionHash: string
  /** Rendered once at publish time from the adopted version through the shared extension list. */
  html: string
  resultText: string
  resultBar: { segments: BarSegment[]; summary: string }
  signatories: Array<{ name: string }>
  withdrawn: { at: number; reason: string } | null
  /** Absolute URL of this page. */
  url: string
}

export interface PublicPositionPageProps {
  ctx: PageContext
  position: PublicPositionView
  /** Initiatives the signed-in viewer may co-sign for (empty for visitors). */
  coSign: CoSignChoice[]
  notice?: string | null
  /** The alliance that speaks (header, footer, link previews). */
  publisher?: SitePublisher | undefined
  /** Published translations of this position. */
  translations?: TranslationLink[] | undefined
  /** The amendments the adopted version contains. */
  amendments?: ContainedAmendment[] | undefined
}

export function PublicPositionPage({ ctx, position: p, coSign, notice, publisher, translations = [], amendments = [] }: PublicPositionPageProps) {
  const { t, locale } = ctx
  const date = (ms: number) => <time datetime={new Date(ms).toISOString()}>{formatLongDate(ms, locale)}</time>
  return (
    <Layout
      ctx={ctx}
      title={p.title}
      publisher={publisher}
      head={
        <PublicHead
          ctx={ctx}
          publisher={publisher}
          title={p.title}
          description={p.summary || p.excerpt}
          url={p.url}
          type="article"
          publishedAt={p.publishedAt}
          modifiedAt={p.updatedAt}
          alternates={[
            { type: 'application/pdf', href: `/p/${p.slug}.pdf`, title: t('publishing.pdf') },
            { type: 'application/json', href: `/api/public/positions/${p.slug}`, title: 'JSON' },
          ]}
          languages={translations.length ? [{ hreflang: CONTENT_LOCALE, href: p.url }, ...translations.map((l) => ({ hreflang: l.language, href: l.url }))] : []}
        />
      }
    >
      <article class="public-position">
        <p class="public-breadcrumb no-print">
          <a href="/p">{t('publishing.all_positions')}</a>
        </p>
        <h1 lang={CONTENT_LOCALE}>{p.title}</h1>
        <TranslationLanguages ctx={ctx} originalUrl={p.url} translations={translations} current={CONTENT_LOCALE} />
        {p.withdrawn ? (
          <section class="public-withdrawn" aria-labelledby="withdrawn-title">
            <h2 id="withdrawn-title">{t('publishing.withdrawn_title', { date: formatLongDate(p.withdrawn.at, locale) })}</h2>
            <p>{t('publishing.withdrawn_text')}</p>
            <p>
              <Sentence text={t('publishing.withdrawn_reason', { reason: contentMark('reason') })} content={{ reason: p.withdrawn.reason }} />
            </p>
          </section>
        ) : null}
        <SuccessNotice message={notice} />
        {p.summary ? <p class="public-summary" lang={CONTENT_LOCALE}>{p.summary}</p> : null}
        <p class="public-result">
          <strong>{t('publishing.result')}:</strong> {p.resultText}
        </p>
        <ResultBarView id="result-bar" title={t('publishing.bar.title')} segments={p.resultBar.segments} summary={p.resultBar.summary} />
        <section class="public-text prose" lang={CONTENT_LOCALE} aria-label={t('publishing.text')} dangerouslySetInnerHTML={{ __html: p.html }} />
        <AdoptedAmendments ctx={ctx} amendments={amendments} />
        {p.signatories.length ? (
          <section class="public-signatories" aria-labelledby="signatories-title">
            <h2 id="signatories-title">{t('publishing.signatories')}</h2>
            <ul class="public-signatory-list" lang={CONTENT_LOCALE}>
              {p.signatories.map((s) => (
                <li>{s.name}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {coSign.length && !p.withdrawn ? <CoSignForms ctx={ctx} positionId={p.positionId} choices={coSign} back={`/p/${p.slug}`} /> : null}
        <section class="public-facts" aria-labelledby="facts-title">
          <h2 id="facts-title">{t('publishing.facts')}</h2>
          <dl>
            <dt>{t('publishing.group')}</dt>
            <dd lang={CONTENT_LOCALE}>{p.groupName}</dd>
            <dt>{t('publishing.adopted_at')}</dt>
            <dd>{date(p.adoptedAt)}</dd>
            <dt>{t('publishing.published_at')}</dt>
            <dd>{date(p.publishedAt)}</dd>
            <dt>{t('publishing.version')}</dt>
            <dd>{p.versionNumber}</dd>
            <dt>{t('publishing.hash')}</dt>
            <dd>
              <code class="public-hash">{p.versionHash}</code>
              <details class="hash-what">
                <summary>{t('rounds.hash.what')}</summary>
                <p class="hint">{t('publishing.hash_hint')}</p>
              </details>
            </dd>
          </dl>
        </section>
        <p class="public-downloads no-print">
          <a href={`/p/${p.slug}.pdf`} type="application/pdf" download={`${p.slug}.pdf`}>
            {t('publishing.pdf')}
          </a>
          {' · '}
          <a href={`/p/${p.slug}.docx`} download={`${p.slug}.docx`}>
            {t('exchange.download_docx')}
          </a>
          {' · '}
          <a href={`/p/${p.slug}.md`} download={`${p.slug}.md`}>
            {t('exchange.download_md')}
          </a>
        </p>
        <p class="public-source print-only">{p.url}</p>
      </article>
    </Layout>
  )
}

import { formatLongDate } from '../../../shared/publishing/result-sentence.ts'
import type { SitePublisher } from '../alliance/site-publisher.tsx'
import { Layout, type PageContext } from '../layout.tsx'
import { PublicHead } from '../public/public-head.tsx'
import { TranslationLanguages, type TranslationLink } from './translation-languages.tsx'

export interface PublicTranslationView {
  language: string
  languageName: string
  dir: 'ltr' | 'rtl'
  title: string
  summary: string
  excerpt: string
  html: string
  url: string
  pdfUrl: string
  jsonUrl: string
  publishedAt: number
  updatedAt: number
  versionNumber: number
  versionHash: string
  original: { title: string; url: string; slug: string; groupName: string; resultText: string; withdrawn: boolean }
}

/**
 * /p/:slug/:language: a published translation. The interface stays German or English; the
 * translated title, summary and text carry their own `lang` and `dir`, so Arabic, Farsi and
 * Sorani read right to left on screen and in print. The first thing it says is which adopted
 * version it translates and that the adopted German text is the one that counts.
 */
export function PublicTranslationPage({ ctx, translation: tr, translations, publisher }: { ctx: PageContext; translation: PublicTranslationView; translations: TranslationLink[]; publisher: SitePublisher }) {
  const { t, locale } = ctx
  return (
    <Layout
      ctx={ctx}
      title={tr.title}
      publisher={publisher}
      head={
        <PublicHead
          ctx={ctx}
          publisher={publisher}
          title={tr.title}
          description={tr.summary || tr.excerpt}
          url={tr.url}
          type="article"
          publishedAt={tr.publishedAt}
          modifiedAt={tr.updatedAt}
          contentLocale={tr.language}
          alternates={[
            { type: 'application/pdf', href: tr.pdfUrl, title: t('publishing.pdf') },
            { type: 'application/json', href: tr.jsonUrl, title: 'JSON' },
          ]}
          languages={[{ hreflang: 'de', href: tr.original.url }, ...translations.map((l) => ({ hreflang: l.language, href: l.url }))]}
        />
      }
    >
      <p class="public-breadcrumb no-print">
        <a href="/p">{t('publishing.all_positions')}</a>
      </p>
      <TranslationLanguages ctx={ctx} originalUrl={tr.original.url} translations={translations} current={tr.language} />
      <section class="translation-notice" aria-labelledby="translation-notice-title">
        <h2 id="translation-notice-title">{t('translations.notice_title', { language: tr.languageName })}</h2>
        <p>
          {t('translations.notice_version', { n: tr.versionNumber })} <code class="public-hash">{tr.versionHash}</code>
        </p>
        <p>
          {t('translations.notice_authoritative')}{' '}
          <a href={tr.original.url} hreflang="de" lang="de">
            {tr.original.title}
          </a>
        </p>
        {tr.original.withdrawn ? <p><strong>{t('publishing.withdrawn_badge')}</strong></p> : null}
      </section>
      <article class="public-position" lang={tr.language} dir={tr.dir}>
        <h1>{tr.title}</h1>
        {tr.summary ? <p class="public-summary">{tr.summary}</p> : null}
        <section class="public-text prose" aria-label={t('translations.text')} dangerouslySetInnerHTML={{ __html: tr.html }} />
      </article>
      <section class="public-facts" aria-labelledby="facts-title">
        <h2 id="facts-title">{t('publishing.facts')}</h2>
        <dl>
          <dt>{t('publishing.group')}</dt>
          <dd lang="de">{tr.original.groupName}</dd>
          <dt>{t('publishing.result')}</dt>
          <dd>{tr.original.resultText}</dd>
          <dt>{t('translations.published_at')}</dt>
          <dd>
            <time datetime={new Date(tr.publishedAt).toISOString()}>{formatLongDate(tr.publishedAt, locale)}</time>
          </dd>
          <dt>{t('publishing.version')}</dt>
          <dd>{tr.versionNumber}</dd>
        </dl>
      </section>
      <p class="public-downloads no-print">
        <a href={tr.pdfUrl} type="application/pdf" download={`${tr.original.slug}-${tr.language}.pdf`}>
          {t('publishing.pdf')}
        </a>
      </p>
      <p class="public-source print-only">{tr.url}</p>
    </Layout>
  )
}

import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { formatLongDate } from '../../../shared/publishing/result-sentence.ts'
import { Layout, type PageContext } from '../layout.tsx'
import { PublicHead } from './public-head.tsx'
import type { SitePublisher } from '../alliance/site-publisher.tsx'

/** One published position in a list. */
export interface PublicListItem {
  slug: string
  title: string
  summary: string
  groupName: string
  publishedAt: number
  withdrawnAt: number | null
  /** A translation's page instead of the position's, in its language and direction. */
  href?: string
  lang?: string
  dir?: 'ltr' | 'rtl'
}

export interface PublicListPageProps {
  ctx: PageContext
  items: PublicListItem[]
  groups: Array<{ slug: string; name: string }>
  /** What the visitor searched for, shown again in the form. */
  query: { q: string; group: string; lang?: string }
  /** Languages with published translations, for the filter: code and name in itself. */
  languages?: Array<{ code: string; native: string }>
  /** The absolute URL of this list, for link previews. */
  url: string
  /** The alliance that speaks (header, footer, link previews). */
  publisher?: SitePublisher | undefined
}

export function PublicListPage({ ctx, items, groups, query, url, publisher, languages = [] }: PublicListPageProps) {
  const { t } = ctx
  const filtered = query.q !== '' || query.group !== '' || Boolean(query.lang)
  return (
    <Layout
      ctx={ctx}
      title={t('publishing.list_title')}
      publisher={publisher}
      head={<PublicHead ctx={ctx} publisher={publisher} title={t('publishing.list_title')} description={publisher?.description || t('publishing.list_intro')} url={url} type="website" />}
    >
      <h1>{t('publishing.list_title')}</h1>
      <p>{t('publishing.list_intro')}</p>
      <form method="get" action="/p" class="public-search" role="search">
        <div class="public-search-field">
          <label for="public-q">{t('publishing.search_label')}</label>
          <input id="public-q" name="q" type="search" maxlength={200} value={query.q} />
        </div>
        {groups.length > 0 ? (
          <div class="public-search-field">
            <label for="public-group">{t('publishing.group_label')}</label>
            <select id="public-group" name="group">
              <option value="">{t('publishing.group_all')}</option>
              {groups.map((g) => (
                <option value={g.slug} selected={g.slug === query.group} lang={CONTENT_LOCALE}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {languages.length > 0 ? (
          <div class="public-search-field">
            <label for="public-lang">{t('translations.filter_label')}</label>
            <select id="public-lang" name="lang">
              <option value="">{t('translations.filter_all')}</option>
              {languages.map((l) => (
                <option value={l.code} selected={l.code === query.lang} lang={l.code}>
                  {l.native}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div class="public-search-actions">
          <button type="submit">{t('publishing.search_submit')}</button>
          {filtered ? (
            <a class="button secondary" href="/p">
              {t('publishing.search_reset')}
            </a>
          ) : null}
        </div>
      </form>
      {filtered && items.length > 0 ? (
        <p class="muted" role="status">
          {t('publishing.match_count', { n: items.length })}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p role="status">{filtered ? t('publishing.no_match') : t('publishing.none')}</p>
      ) : (
        <ul class="card-list public-list">
          {items.map((item) => (
            <PublicListEntry ctx={ctx} item={item} />
          ))}
        </ul>
      )}
      <p class="public-feed-link">
        <a href="/feed.atom" type="application/atom+xml">
          {t('publishing.feed_link')}
        </a>
      </p>
    </Layout>
  )
}

export function PublicListEntry({ ctx, item, level = 2 }: { ctx: PageContext; item: PublicListItem; level?: 2 | 3 }) {
  const { t, locale } = ctx
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <li class="card public-card">
      <Heading class="public-card-title">
        <a href={item.href ?? `/p/${item.slug}`} lang={item.lang ?? CONTENT_LOCALE} dir={item.dir} hreflang={item.lang}>{item.title}</a>
      </Heading>
      <p class="public-card-meta">
        {item.withdrawnAt !== null ? <span class="badge badge-withdrawn">{t('publishing.withdrawn_badge')}</span> : null}{' '}
        <span lang={CONTENT_LOCALE}>{item.groupName}</span> ·{' '}
        <time datetime={new Date(item.publishedAt).toISOString()}>
          {t('publishing.published_on', { date: formatLongDate(item.publishedAt, locale) })}
        </time>
      </p>
      {item.summary ? <p class="public-card-summary" lang={item.lang ?? CONTENT_LOCALE} dir={item.dir}>{item.summary}</p> : null}
    </li>
  )
}

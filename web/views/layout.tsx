import type { Child } from 'hono/jsx'
import { translator, type Locale, type Translate } from '../../shared/i18n/index.ts'
import { ErrorSummary, errorTitlePrefix, type PageError } from './error-summary.tsx'
import { PublisherBrand, PublisherFooter, type SitePublisher } from './alliance/site-publisher.tsx'

/** Who is looking at the page, as far as the layout cares. */
export interface Viewer {
  name: string
  isAdmin: boolean
  /** Unread notifications, shown next to the link to the list. */
  unread?: number
}

export interface PageContext {
  t: Translate
  locale: Locale
  viewer: Viewer | null
  /** The current path (with query), so the language switch can come back here. */
  path: string
}

export interface LayoutProps {
  ctx: PageContext
  title: string
  children?: Child
  /** Browser scripts to load (paths under /assets), e.g. the editor bundle. */
  scripts?: string[]
  /** Extra <head> content such as OpenGraph tags. */
  head?: Child
  /** Why a submitted form was refused: counted in the title and listed in a focused summary. */
  errors?: readonly PageError[] | undefined
  /** On public pages: the alliance that speaks, in the header (name, logo) and the footer (contact, legal notices). */
  publisher?: SitePublisher | undefined
}

export function Layout({ ctx, title, children, scripts = [], head, errors = [], publisher }: LayoutProps) {
  const { t, locale, viewer } = ctx
  const other: Locale = locale === 'de' ? 'en' : 'de'
  // The switch speaks the language it leads to, name included ("Switch to English"), so a
  // screen reader does not read German words with English pronunciation or the other way round.
  const switchName = translator(other)('lang.switch_to')
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${errorTitlePrefix(t, errors)}${title} · ${publisher?.name || t('app.name')}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="alternate" type="application/atom+xml" href="/feed.atom" title={t('nav.published')} />
        {head}
        {scripts.map((src) => (
          <script type="module" src={src}></script>
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          {publisher ? (
            <PublisherBrand ctx={ctx} publisher={publisher} />
          ) : (
            <a class="brand" href="/">
              {t('app.name')}
            </a>
          )}
          <nav aria-label={t('nav.main')}>
            <ul class="nav-list">
              {viewer ? (
                <>
                  <li>
                    <a href="/">{t('nav.start')}</a>
                  </li>
                  <li>
                    <a href="/p">{t('nav.published')}</a>
                  </li>
                  {viewer.isAdmin ? (
                    <li>
                      <a href="/admin">{t('nav.admin')}</a>
                    </li>
                  ) : null}
                  <li>
                    <a href="/notifications">
                      {t('notify.header.link')}
                      {viewer.unread ? <> <span class="badge">{t('notify.header.unread', { n: viewer.unread })}</span></> : null}
                    </a>
                  </li>
                  <li>
                    <a href="/me">{t('nav.me')}</a>
                  </li>
                  <li>
                    <form method="post" action="/logout" class="inline-form">
                      <button type="submit" class="link-button">
                        {t('nav.logout')}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <a href="/p">{t('nav.published')}</a>
                  </li>
                  <li>
                    <a href="/login">{t('nav.login')}</a>
                  </li>
                </>
              )}
              <li>
                <form method="post" action="/locale" class="inline-form">
                  <input type="hidden" name="locale" value={other} />
                  <input type="hidden" name="back" value={ctx.path} />
                  <button type="submit" class="link-button" lang={other} aria-label={switchName}>
                    {t(`lang.${other}`)}
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          <ErrorSummary t={t} errors={errors} />
          {children}
        </main>
        {publisher ? <PublisherFooter ctx={ctx} publisher={publisher} /> : null}
      </body>
    </html>
  )
}

export function SuccessNotice({ message }: { message?: string | Child | null }) {
  if (!message) return null
  return (
    <p class="notice notice-success" role="status">
      {message}
    </p>
  )
}

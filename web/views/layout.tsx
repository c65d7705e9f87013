import type { Child } from 'hono/jsx'
import type { Locale, Translate } from '../../shared/i18n/index.ts'

/** Who is looking at the page, as far as the layout cares. */
export interface Viewer {
  name: string
  isAdmin: boolean
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
}

export function Layout({ ctx, title, children, scripts = [], head }: LayoutProps) {
  const { t, locale, viewer } = ctx
  const other: Locale = locale === 'de' ? 'en' : 'de'
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('app.name')}`}</title>
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
          <a class="brand" href="/">
            {t('app.name')}
          </a>
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
                  <button type="submit" class="link-button" lang={other} aria-label={`${t('lang.switch')}: ${t(`lang.${other}`)}`}>
                    {t(`lang.${other}`)}
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
      </body>
    </html>
  )
}

/** A form-level error message that screen readers announce. */
export function ErrorNotice({ message }: { message?: string | null }) {
  if (!message) return null
  return (
    <p class="notice notice-error" role="alert">
      {message}
    </p>
  )
}

export function SuccessNotice({ message }: { message?: string | null }) {
  if (!message) return null
  return (
    <p class="notice notice-success" role="status">
      {message}
    </p>
  )
}

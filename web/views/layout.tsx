import type { Child } from 'hono/jsx'
import type { Locale, Translate } from '../../shared/i18n/index.ts'
import type { Languages } from '../../shared/i18n/languages.ts'
import { SCRIPT_MESSAGE_KEYS, SCRIPT_WORDS_ID } from '../../shared/i18n/script-words.ts'
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
  /** The installed interface languages, for the switch, `dir` and the words of browser scripts. */
  languages: Languages
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
  const { languages } = ctx
  // One button per other language. Each speaks the language it leads to, name included ("Switch
  // to English"), so a screen reader does not read German words with English pronunciation; a
  // pack without that sentence is named by its language's name alone (never by German words).
  const others = languages.list.filter((l) => l.code !== locale)
  // Browser scripts carry German and English; a pack language's words for them come with the page.
  const words = scripts.length ? languages.scriptWords(locale, SCRIPT_MESSAGE_KEYS) : null
  return (
    <html lang={locale} dir={rtl(languages.info(locale).dir)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${errorTitlePrefix(t, errors)}${title} · ${publisher?.name || t('app.name')}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="alternate" type="application/atom+xml" href="/feed.atom" title={t('nav.published')} />
        {head}
        {words ? <script type="application/json" id={SCRIPT_WORDS_ID} dangerouslySetInnerHTML={{ __html: wordsJson(words) }}></script> : null}
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
              {others.map((l) => (
                <li>
                  <form method="post" action="/locale" class="inline-form">
                    <input type="hidden" name="locale" value={l.code} />
                    <input type="hidden" name="back" value={ctx.path} />
                    <button type="submit" class="link-button" lang={l.code} dir={rtl(l.dir)} aria-label={l.switchTo}>
                      {l.name}
                    </button>
                  </form>
                </li>
              ))}
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

/** `dir` only where it is not the default (left to right). */
const rtl = (dir: 'ltr' | 'rtl') => (dir === 'rtl' ? dir : undefined)

/** JSON inside <script>: `<` escaped, so no text in it can end the element. */
function wordsJson(words: Record<string, string>): string {
  return JSON.stringify(words).replace(/</g, '\\u003c')
}

export function SuccessNotice({ message }: { message?: string | Child | null }) {
  if (!message) return null
  return (
    <p class="notice notice-success" role="status">
      {message}
    </p>
  )
}

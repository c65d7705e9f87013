import type { PageContext } from '../layout.tsx'

/** Who speaks on the public pages: the alliance's profile as the header and footer show it. */
export interface SitePublisher {
  name: string
  description: string
  website: string
  contactEmail: string
  pressContact: string
  imprintHref: string | null
  privacyHref: string | null
  logo: { url: string; width: number; height: number } | null
}

/** The brand in the header of a public page: logo and name of the alliance. */
export function PublisherBrand({ ctx, publisher }: { ctx: PageContext; publisher: SitePublisher }) {
  const name = publisher.name || ctx.t('app.name')
  // The logo is decoration next to the name (alt=""), scaled to the header's height.
  const height = 40
  const width = publisher.logo ? Math.max(1, Math.round((publisher.logo.width / publisher.logo.height) * height)) : 0
  return (
    <a class="brand publisher-brand" href="/p">
      {publisher.logo ? <img class="publisher-logo" src={publisher.logo.url} alt="" width={width} height={height} /> : null}
      <span>{name}</span>
    </a>
  )
}

/** The footer of every public page: who says it, how to reach them, the legal notices. */
export function PublisherFooter({ ctx, publisher }: { ctx: PageContext; publisher: SitePublisher }) {
  const { t } = ctx
  const name = publisher.name || t('app.name')
  return (
    <footer class="site-footer">
      <p class="site-footer-name">
        <strong>{name}</strong>
      </p>
      {publisher.description ? <p class="site-footer-description">{publisher.description}</p> : null}
      <ul class="site-footer-list">
        {publisher.website ? (
          <li>
            {t('alliance.footer.website')}: <a href={publisher.website}>{displayUrl(publisher.website)}</a>
          </li>
        ) : null}
        {publisher.contactEmail ? (
          <li>
            {t('alliance.footer.contact')}: <a href={`mailto:${publisher.contactEmail}`}>{publisher.contactEmail}</a>
          </li>
        ) : null}
        {publisher.pressContact ? (
          <li>
            {t('alliance.footer.press')}: {publisher.pressContact}
          </li>
        ) : null}
      </ul>
      <nav aria-label={t('alliance.footer.nav')} class="no-print">
        <ul class="nav-list">
          <li>
            <a href="/ueber-uns">{t('alliance.about.title')}</a>
          </li>
          {publisher.imprintHref ? (
            <li>
              <a href={publisher.imprintHref}>{t('alliance.imprint')}</a>
            </li>
          ) : null}
          {publisher.privacyHref ? (
            <li>
              <a href={publisher.privacyHref}>{t('alliance.privacy')}</a>
            </li>
          ) : null}
          <li>
            <a href="/feed.atom" type="application/atom+xml">
              {t('publishing.feed_link')}
            </a>
          </li>
        </ul>
      </nav>
    </footer>
  )
}

/** "https://www.buendnis.example/" → "www.buendnis.example": what people type. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '')
}

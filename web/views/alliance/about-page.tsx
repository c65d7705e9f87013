import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import { Layout, type PageContext } from '../layout.tsx'
import { PublicHead } from '../public/public-head.tsx'
import { displayUrl, type SitePublisher } from './site-publisher.tsx'

export interface AboutPageProps {
  ctx: PageContext
  publisher: SitePublisher
  initiatives: Array<{ name: string }>
  groups: Array<{ name: string; description: string }>
  url: string
}

/** /ueber-uns: who the alliance is, the initiatives that agreed to be named, the working groups. */
export function AboutPage({ ctx, publisher, initiatives, groups, url }: AboutPageProps) {
  const { t } = ctx
  const name = publisher.name || t('app.name')
  const title = t('alliance.about.title')
  return (
    <Layout ctx={ctx} title={title} publisher={publisher} head={<PublicHead ctx={ctx} publisher={publisher} title={`${title}: ${name}`} description={publisher.description || name} url={url} type="website" />}>
      <h1>{title}</h1>
      <p class="public-summary" lang={CONTENT_LOCALE}>
        <strong>{name}</strong>
        {publisher.description ? ` – ${publisher.description}` : ''}
      </p>
      {publisher.website || publisher.contactEmail || publisher.pressContact ? (
        <dl class="about-contact">
          {publisher.website ? (
            <>
              <dt>{t('alliance.footer.website')}</dt>
              <dd>
                <a href={publisher.website}>{displayUrl(publisher.website)}</a>
              </dd>
            </>
          ) : null}
          {publisher.contactEmail ? (
            <>
              <dt>{t('alliance.footer.contact')}</dt>
              <dd>
                <a href={`mailto:${publisher.contactEmail}`}>{publisher.contactEmail}</a>
              </dd>
            </>
          ) : null}
          {publisher.pressContact ? (
            <>
              <dt>{t('alliance.footer.press')}</dt>
              <dd>{publisher.pressContact}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('alliance.about.members')}</h2>
        {initiatives.length ? (
          <ul class="about-list" lang={CONTENT_LOCALE}>
            {initiatives.map((i) => (
              <li>{i.name}</li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('alliance.about.members_none')}</p>
        )}
      </section>
      <section aria-labelledby="groups-title">
        <h2 id="groups-title">{t('alliance.about.groups')}</h2>
        {groups.length ? (
          <ul class="about-list" lang={CONTENT_LOCALE}>
            {groups.map((g) => (
              <li>
                <strong>{g.name}</strong>
                {g.description ? ` – ${g.description}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('alliance.about.groups_none')}</p>
        )}
      </section>
      <p>
        <a href="/p">{t('publishing.all_positions')}</a>
      </p>
    </Layout>
  )
}

import { CONTENT_LOCALE } from '../../shared/i18n/locale.ts'
import type { Child } from 'hono/jsx'
import { Layout, type PageContext } from './layout.tsx'
import { PositionList, type PositionListItem } from './positions/position-list.tsx'

/** A section other features put on the start page (e.g. "still to decide", "recently published"). */
export interface HomeSection {
  /** Unique on the page; used for the heading's id. */
  id: string
  title: string
  content: Child
}

export interface HomeGroup {
  name: string
  slug: string
  positions: PositionListItem[]
}

export interface HomePageProps {
  ctx: PageContext
  /** Signed in: their groups and the others; null for visitors. */
  person: { name: string; groups: HomeGroup[]; otherGroups: Array<{ name: string; slug: string }> } | null
  /** Shown above the working groups; only pass sections that have something to show. */
  top?: HomeSection[]
  /** Shown below the working groups. */
  bottom?: HomeSection[]
  /** Just logged out: say so, and delete the editor's offline draft copies in this browser. */
  loggedOut?: boolean
}

function Section({ section }: { section: HomeSection }) {
  const headingId = `home-${section.id}`
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{section.title}</h2>
      {section.content}
    </section>
  )
}

export function HomePage({ ctx, person, top = [], bottom = [], loggedOut = false }: HomePageProps) {
  const { t } = ctx
  if (!person) {
    return (
      <Layout ctx={ctx} title={t('home.welcome.heading')} scripts={loggedOut ? ['/assets/forget-drafts.js'] : []}>
        {loggedOut ? (
          <p class="notice notice-success" role="status">
            {t('home.logged_out')}
          </p>
        ) : null}
        <h1>{t('home.welcome.heading')}</h1>
        <p class="lead">{t('home.welcome.text')}</p>
        <p class="button-row">
          <a class="button" href="/p">
            {t('home.welcome.published')}
          </a>
          <a class="button secondary" href="/login">
            {t('home.welcome.login')}
          </a>
        </p>
      </Layout>
    )
  }
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('home.greeting', { name: person.name })}</h1>
      {top.map((s) => (
        <Section section={s} />
      ))}
      <section aria-labelledby="home-my-groups">
        <h2 id="home-my-groups">{t('home.my_groups')}</h2>
        {person.groups.length === 0 ? <p>{t('home.no_groups')}</p> : null}
        {person.groups.map((g) => (
          <div class="group-block">
            <h3>
              <a href={`/groups/${g.slug}`} lang={CONTENT_LOCALE}>{g.name}</a>
            </h3>
            <PositionList ctx={ctx} positions={g.positions} />
          </div>
        ))}
      </section>
      {bottom.map((s) => (
        <Section section={s} />
      ))}
      {person.otherGroups.length ? (
        <section aria-labelledby="home-other-groups">
          <h2 id="home-other-groups">{t('home.other_groups')}</h2>
          <p class="hint">{t('home.other_groups_hint')}</p>
          <ul class="inline-list">
            {person.otherGroups.map((g) => (
              <li>
                <a href={`/groups/${g.slug}`} lang={CONTENT_LOCALE}>{g.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  )
}

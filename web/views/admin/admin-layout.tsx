import type { Child } from 'hono/jsx'
import type { PageError } from '../error-summary.tsx'
import { Layout, SuccessNotice, type PageContext } from '../layout.tsx'

export type AdminSection = 'overview' | 'initiatives' | 'people' | 'groups' | 'mail' | 'alliance'

const SECTIONS: ReadonlyArray<{ section: AdminSection; href: string }> = [
  { section: 'overview', href: '/admin' },
  { section: 'initiatives', href: '/admin/initiatives' },
  { section: 'people', href: '/admin/people' },
  { section: 'groups', href: '/admin/groups' },
  { section: 'mail', href: '/admin/mail' },
  { section: 'alliance', href: '/admin/alliance' },
]

export interface AdminLayoutProps {
  ctx: PageContext
  section: AdminSection
  title: string
  /** The language of the title when it is content (a group's or an initiative's name). */
  titleLang?: string | undefined
  /** Why a submitted form was refused (`formErrors` of the page's forms): counted in the title, listed in the summary. */
  errors?: readonly PageError[] | undefined
  success?: string | null | undefined
  children?: Child
}

/** Every admin page: the admin section links, the heading and the page's notices. */
export function AdminLayout({ ctx, section, title, titleLang, success, errors = [], children }: AdminLayoutProps) {
  const { t } = ctx
  // The overview's own title is the section's name: say it once.
  const fullTitle = title === t('admin.title') ? title : `${title} · ${t('admin.title')}`
  return (
    <Layout ctx={ctx} title={fullTitle} errors={errors}>
      <nav aria-label={t('admin.nav')} class="admin-nav">
        <ul class="nav-list">
          {SECTIONS.map((s) => (
            <li>
              <a href={s.href} aria-current={s.section === section ? 'page' : undefined}>
                {t(`admin.nav.${s.section}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1 lang={titleLang}>{title}</h1>
      <SuccessNotice message={success} />
      {children}
    </Layout>
  )
}

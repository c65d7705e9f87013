import type { Child } from 'hono/jsx'
import { pageErrors, type PageError } from '../error-summary.tsx'
import { ErrorNotice, Layout, SuccessNotice, type PageContext } from '../layout.tsx'

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
  /** A problem of the whole page, not of one form (e.g. a new setup link could not be made). */
  error?: string | null | undefined
  /** Why a submitted form was refused (see `pageErrors`): counted in the title, listed in the summary. */
  errors?: readonly PageError[] | undefined
  success?: string | null | undefined
  children?: Child
}

/** Every admin page: the admin section links, the heading and the page's notices. */
export function AdminLayout({ ctx, section, title, titleLang, error, success, errors = [], children }: AdminLayoutProps) {
  const { t } = ctx
  // The overview's own title is the section's name: say it once.
  const fullTitle = title === t('admin.title') ? title : `${title} · ${t('admin.title')}`
  return (
    <Layout ctx={ctx} title={fullTitle} errors={[...errors, ...pageErrors(error ? { message: error } : null)]}>
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
      <ErrorNotice message={error} />
      <SuccessNotice message={success} />
      {children}
    </Layout>
  )
}

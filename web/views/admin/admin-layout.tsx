import type { Child } from 'hono/jsx'
import { ErrorNotice, Layout, SuccessNotice, type PageContext } from '../layout.tsx'

export type AdminSection = 'overview' | 'initiatives' | 'people' | 'groups'

const SECTIONS: ReadonlyArray<{ section: AdminSection; href: string }> = [
  { section: 'overview', href: '/admin' },
  { section: 'initiatives', href: '/admin/initiatives' },
  { section: 'people', href: '/admin/people' },
  { section: 'groups', href: '/admin/groups' },
]

export interface AdminLayoutProps {
  ctx: PageContext
  section: AdminSection
  title: string
  /** A problem of the whole page (e.g. a form that failed), announced to screen readers. */
  error?: string | null | undefined
  success?: string | null | undefined
  children?: Child
}

/** Every admin page: the admin section links, the heading and the page's notices. */
export function AdminLayout({ ctx, section, title, error, success, children }: AdminLayoutProps) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={`${title} · ${t('admin.title')}`}>
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
      <h1>{title}</h1>
      <ErrorNotice message={error} />
      <SuccessNotice message={success} />
      {children}
    </Layout>
  )
}

import type { PageContext } from '../layout.tsx'
import { AdminLayout } from './admin-layout.tsx'

export interface AdminOverviewProps {
  ctx: PageContext
  counts: { initiatives: number; people: number; groups: number }
}

export function AdminOverviewPage({ ctx, counts }: AdminOverviewProps) {
  const { t } = ctx
  const cards = [
    { href: '/admin/initiatives', label: counts.initiatives === 1 ? t('admin.overview.initiatives_one') : t('admin.overview.initiatives', { count: counts.initiatives }), hint: t('admin.overview.initiatives_hint') },
    { href: '/admin/people', label: counts.people === 1 ? t('admin.overview.people_one') : t('admin.overview.people', { count: counts.people }), hint: t('admin.overview.people_hint') },
    { href: '/admin/groups', label: counts.groups === 1 ? t('admin.overview.groups_one') : t('admin.overview.groups', { count: counts.groups }), hint: t('admin.overview.groups_hint') },
  ]
  return (
    <AdminLayout ctx={ctx} section="overview" title={t('admin.title')}>
      <p>{t('admin.overview.intro')}</p>
      <ul class="card-list">
        {cards.map((card) => (
          <li class="card">
            <h2>
              <a href={card.href}>{card.label}</a>
            </h2>
            <p class="muted">{card.hint}</p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/audit">{t('audit.page.link')}</a>
      </p>
      <h2>{t('archive.download.heading')}</h2>
      <p>{t('archive.download.intro')}</p>
      <p>
        <a href="/admin/archive.json" download>
          {t('archive.download.link')}
        </a>
      </p>
    </AdminLayout>
  )
}

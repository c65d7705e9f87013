import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { LifecycleStatus as PositionStatus } from '../../../shared/rules/lifecycle.ts'
import type { PageContext } from '../layout.tsx'
import { formatDateTime } from './format-time.ts'

export interface PositionListItem {
  id: string
  title: string
  status: PositionStatus
  lastEditAt: number | null
}

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: PositionStatus }) {
  return <span class={`badge status-${status}`}>{ctx.t(`positions.status.${status}`)}</span>
}

/** Positions with status and last edit, as the start page and the group page show them. */
export function PositionList({ ctx, positions }: { ctx: PageContext; positions: PositionListItem[] }) {
  const { t } = ctx
  if (positions.length === 0) return <p class="muted">{t('positions.list_empty')}</p>
  return (
    <ul class="position-list">
      {positions.map((p) => (
        <li>
          <a href={`/positions/${p.id}`} lang={CONTENT_LOCALE}>{p.title}</a> <StatusBadge ctx={ctx} status={p.status} />{' '}
          <span class="muted">
            {p.lastEditAt === null ? t('positions.never_edited') : t('positions.last_edit', { date: formatDateTime(p.lastEditAt, ctx.locale) })}
          </span>
        </li>
      ))}
    </ul>
  )
}

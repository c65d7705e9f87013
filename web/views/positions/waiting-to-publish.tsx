import { CONTENT_LOCALE } from '../../../shared/i18n/locale.ts'
import type { PageContext } from '../layout.tsx'

export interface WaitingItem {
  id: string
  title: string
  groupName: string
}

/**
 * Start page section content for spokespersons: adopted positions nobody has published yet.
 * The start page adds the heading (`positions.waiting.heading`); show it only when there are some.
 */
export function WaitingToPublish({ ctx, items }: { ctx: PageContext; items: WaitingItem[] }) {
  const { t } = ctx
  return (
    <>
      <p>{t('positions.waiting.intro')}</p>
      <ul class="card-list">
        {items.map((item) => (
          <li class="card">
            <h3 class="public-card-title">
              <a href={`/positions/${item.id}`} lang={CONTENT_LOCALE}>{item.title}</a>
            </h3>
            <p class="muted" lang={CONTENT_LOCALE}>{item.groupName}</p>
          </li>
        ))}
      </ul>
    </>
  )
}

import type { PageContext } from '../layout.tsx'
import { PublicListEntry, type PublicListItem } from './public-list-page.tsx'

/** Start page section content: the newest publications, with a link to all of them (heading: `publishing.recent_title`). */
export function RecentlyPublished({ ctx, items }: { ctx: PageContext; items: PublicListItem[] }) {
  const { t } = ctx
  return (
    <>
      {items.length === 0 ? (
        <p class="muted">{t('publishing.none')}</p>
      ) : (
        <ul class="card-list public-list">
          {items.map((item) => (
            <PublicListEntry ctx={ctx} item={item} level={3} />
          ))}
        </ul>
      )}
      <p>
        <a href="/p">{t('publishing.all_positions')}</a>
      </p>
    </>
  )
}

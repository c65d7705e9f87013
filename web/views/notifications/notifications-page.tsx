import { Layout, type PageContext } from '../layout.tsx'
import { formatDateTime } from '../positions/format-time.ts'
import { ContentIn } from '../with-content.tsx'

export interface NotificationView {
  id: string
  title: string
  /** The position title inside `title`, marked as German content. */
  about: string | null
  url: string
  createdAt: number
  read: boolean
}

/** `/notifications`: what the person was told, newest first; the unread ones marked (opening the page reads them). */
export function NotificationsPage({ ctx, items }: { ctx: PageContext; items: NotificationView[] }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('notify.list.title')}>
      <h1>{t('notify.list.title')}</h1>
      {items.length === 0 ? (
        <p>{t('notify.list.empty')}</p>
      ) : (
        <ul class="notification-list">
          {items.map((n) => (
            <li class={n.read ? 'notification' : 'notification notification-unread'}>
              <a href={n.url}>
                <ContentIn text={n.title} content={n.about} />
              </a>
              {n.read ? null : <> <strong class="badge">{t('notify.list.unread')}</strong></>}
              <br />
              <span class="muted">{formatDateTime(n.createdAt, ctx.locale)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/me#notifications">{t('notify.footer.settings')}</a>
      </p>
    </Layout>
  )
}

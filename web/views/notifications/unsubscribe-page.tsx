import { Layout, SuccessNotice, type PageContext } from '../layout.tsx'

export interface UnsubscribePageProps {
  ctx: PageContext
  /** The path of the link itself; the button posts to it (the same URL a mail client posts to). */
  action: string
  email: string
  kindLabel: string
  done: boolean
}

/** The page behind the unsubscribe link: a GET only asks (link scanners must not unsubscribe anyone), the button does it. */
export function UnsubscribePage({ ctx, action, email, kindLabel, done }: UnsubscribePageProps) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('notify.unsubscribe.title')}>
      <h1>{t('notify.unsubscribe.title')}</h1>
      {done ? (
        <SuccessNotice message={t('notify.unsubscribe.done', { kind: kindLabel })} />
      ) : (
        <form method="post" action={action}>
          <p>{t('notify.unsubscribe.question', { kind: kindLabel, email })}</p>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <div>
            <button type="submit">{t('notify.unsubscribe.confirm')}</button>
          </div>
        </form>
      )}
    </Layout>
  )
}

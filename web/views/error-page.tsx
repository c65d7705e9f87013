import { Layout, type PageContext } from './layout.tsx'

export function ErrorPage({ ctx, status, message }: { ctx: PageContext; status: number; message: string }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('error.title')}>
      <h1>{t('error.title')}</h1>
      <p role="alert">{message}</p>
      {status === 401 ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(ctx.path)}`}>{t('nav.login')}</a>
        </p>
      ) : (
        <p>
          <a href="/">{t('nav.start')}</a>
        </p>
      )}
    </Layout>
  )
}

import { pageErrors } from './error-summary.tsx'
import { ErrorNotice, Layout, type PageContext } from './layout.tsx'

export interface LoginPageProps {
  ctx: PageContext
  /** What was entered, so a failed attempt does not empty the form (never the password). */
  email?: string
  /** Where to continue after logging in (already checked to be a local path). */
  next?: string
  error?: string | null
}

export function LoginPage({ ctx, email = '', next = '/', error }: LoginPageProps) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('auth.login_title')} errors={pageErrors(error ? { message: error, field: 'email' } : null, { email: 'login-email' })}>
      <h1>{t('auth.login_title')}</h1>
      <p>{t('auth.login_intro')}</p>
      <ErrorNotice message={error} />
      <form method="post" action="/login">
        {next !== '/' ? <input type="hidden" name="next" value={next} /> : null}
        <label for="login-email">{t('common.email')}</label>
        <input id="login-email" name="email" type="email" autocomplete="username" required maxlength={320} value={email} />
        <label for="login-password">{t('common.password')}</label>
        <input id="login-password" name="password" type="password" autocomplete="current-password" required maxlength={1024} />
        <div>
          <button type="submit">{t('auth.login_submit')}</button>
        </div>
      </form>
      <p class="hint">{t('auth.login_no_account')}</p>
    </Layout>
  )
}

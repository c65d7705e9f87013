import { pageErrors } from './error-summary.tsx'
import { Layout, type PageContext } from './layout.tsx'

export type SetupPageInfo =
  | { purpose: 'first_admin' }
  | { purpose: 'invite'; person: { name: string; email: string } }

export interface SetupPageProps {
  ctx: PageContext
  token: string
  /** null: the link is unknown, used or expired. */
  info: SetupPageInfo | null
  values?: { name?: string; email?: string }
  error?: { message: string; field?: string | undefined } | null
}

function errorId(field: string | undefined, name: string): string | undefined {
  return field === name ? 'setup-error' : undefined
}

export function SetupPage({ ctx, token, info, values = {}, error }: SetupPageProps) {
  const { t } = ctx
  if (!info) {
    return (
      <Layout ctx={ctx} title={t('auth.setup_title')}>
        <h1>{t('auth.setup_title')}</h1>
        <p class="notice notice-error" role="alert">
          {t('auth.setup_invalid')}
        </p>
        <p>
          <a href="/login">{t('nav.login')}</a>
        </p>
      </Layout>
    )
  }
  const field = error?.field
  const fieldIds = { name: 'setup-name', email: 'setup-email', password: 'setup-password', password2: 'setup-password2' }
  return (
    <Layout ctx={ctx} title={t('auth.setup_title')} errors={pageErrors(error, fieldIds)}>
      <h1>{t('auth.setup_title')}</h1>
      <p>
        {info.purpose === 'first_admin' ? t('auth.setup_first_admin_intro') : t('auth.setup_invite_intro', { name: info.person.name })}
      </p>
      {error ? (
        <p class="notice notice-error" id="setup-error">
          {error.message}
        </p>
      ) : null}
      <form method="post" action={`/setup/${encodeURIComponent(token)}`}>
        {info.purpose === 'first_admin' ? (
          <>
            <label for="setup-name">{t('common.name')}</label>
            <input
              id="setup-name" name="name" type="text" autocomplete="name" required maxlength={200}
              value={values.name ?? ''} aria-invalid={field === 'name' ? 'true' : undefined} aria-describedby={errorId(field, 'name')}
            />
            <label for="setup-email">{t('common.email')}</label>
            <input
              id="setup-email" name="email" type="email" autocomplete="username" required maxlength={320}
              value={values.email ?? ''} aria-invalid={field === 'email' ? 'true' : undefined} aria-describedby={errorId(field, 'email')}
            />
          </>
        ) : (
          <>
            <label for="setup-email">{t('common.email')}</label>
            <input id="setup-email" type="email" autocomplete="username" readonly value={info.person.email} />
          </>
        )}
        <label for="setup-password">{t('common.password')}</label>
        <p class="hint" id="setup-password-hint">
          {t('auth.password_hint')}
        </p>
        <input
          id="setup-password" name="password" type="password" autocomplete="new-password" required minlength={8} maxlength={1024}
          aria-invalid={field === 'password' ? 'true' : undefined}
          aria-describedby={field === 'password' ? 'setup-error setup-password-hint' : 'setup-password-hint'}
        />
        <label for="setup-password2">{t('auth.password_repeat')}</label>
        <input
          id="setup-password2" name="password2" type="password" autocomplete="new-password" required maxlength={1024}
          aria-invalid={field === 'password2' ? 'true' : undefined} aria-describedby={errorId(field, 'password2')}
        />
        <div>
          <button type="submit">{t('auth.setup_submit')}</button>
        </div>
      </form>
    </Layout>
  )
}

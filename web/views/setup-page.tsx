import { FormError, PostForm, TextField } from './form/field.tsx'
import { formErrors, formView, type FormProblem } from './form/form-view.ts'
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
  problem?: FormProblem | null
}

export function SetupPage({ ctx, token, info, values = {}, problem }: SetupPageProps) {
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
  const fields = { name: 'setup-name', email: 'setup-email', password: 'setup-password', password2: 'setup-password2' }
  const form = formView({ prefix: 'setup-', values, problem, fields })
  return (
    <Layout ctx={ctx} title={t('auth.setup_title')} errors={formErrors(form)}>
      <h1>{t('auth.setup_title')}</h1>
      <p>
        {info.purpose === 'first_admin' ? t('auth.setup_first_admin_intro') : t('auth.setup_invite_intro', { name: info.person.name })}
      </p>
      <FormError form={form} />
      <PostForm action={`/setup/${encodeURIComponent(token)}`}>
        {info.purpose === 'first_admin' ? (
          <>
            <TextField form={form} name="name" label={t('common.name')} autocomplete="name" required maxlength={200} />
            <TextField form={form} name="email" type="email" label={t('common.email')} autocomplete="username" required maxlength={320} />
          </>
        ) : (
          <div class="field">
            <label for="setup-email">{t('common.email')}</label>
            <input id="setup-email" type="email" autocomplete="username" readonly value={info.person.email} />
          </div>
        )}
        <TextField form={form} name="password" type="password" label={t('common.password')} hint={t('auth.password_hint')} autocomplete="new-password" required minlength={8} maxlength={1024} />
        <TextField form={form} name="password2" type="password" label={t('auth.password_repeat')} autocomplete="new-password" required maxlength={1024} />
        <div>
          <button type="submit">{t('auth.setup_submit')}</button>
        </div>
      </PostForm>
    </Layout>
  )
}

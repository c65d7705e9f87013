import { FormError, PostForm, TextField } from './form/field.tsx'
import { formErrors, formView, type FormProblem } from './form/form-view.ts'
import { Layout, type PageContext } from './layout.tsx'

export interface LoginPageProps {
  ctx: PageContext
  /** What was entered, so a failed attempt does not empty the form (never the password). */
  email?: string
  /** Where to continue after logging in (already checked to be a local path). */
  next?: string
  problem?: FormProblem | null
}

export function LoginPage({ ctx, email = '', next = '/', problem }: LoginPageProps) {
  const { t } = ctx
  // A refused login is about the pair; it is shown at the e-mail field, where one starts again.
  const form = formView({
    prefix: 'login-',
    values: { email },
    problem: problem ? { message: problem.message, field: problem.field ?? 'email' } : null,
    fields: { email: 'login-email', password: 'login-password' },
  })
  return (
    <Layout ctx={ctx} title={t('auth.login_title')} errors={formErrors(form)}>
      <h1>{t('auth.login_title')}</h1>
      <p>{t('auth.login_intro')}</p>
      <FormError form={form} />
      <PostForm action="/login">
        {next !== '/' ? <input type="hidden" name="next" value={next} /> : null}
        <TextField form={form} name="email" type="email" label={t('common.email')} autocomplete="username" required maxlength={320} />
        <TextField form={form} name="password" type="password" label={t('common.password')} autocomplete="current-password" required maxlength={1024} />
        <div>
          <button type="submit">{t('auth.login_submit')}</button>
        </div>
      </PostForm>
      <p class="hint">{t('auth.login_no_account')}</p>
    </Layout>
  )
}

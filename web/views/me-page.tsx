import type { Child } from 'hono/jsx'
import { FormError, PostForm, SelectField, TextField } from './form/field.tsx'
import { formErrors, formView, type FormProblem } from './form/form-view.ts'
import { Layout, SuccessNotice, type PageContext } from './layout.tsx'

export type MeForm = 'name' | 'locale' | 'password'

export interface MePageProps {
  ctx: PageContext
  person: { name: string; email: string; locale: string | null }
  roles: Array<'admin' | 'spokesperson'>
  /** Which form was just saved, for the success notice. */
  saved?: MeForm | null
  /** A refusal of one of the forms; shown in that form, with the entered name kept. */
  refused?: { form: MeForm; problem: FormProblem } | null
  values?: { name?: string }
  /** Further sections of the account (notification settings, calendar feed). */
  more?: Child
}

const SAVED_KEY = { name: 'me.name_saved', locale: 'me.locale_saved', password: 'me.password_saved' } as const

export function MePage({ ctx, person, roles, saved, refused, values = {}, more }: MePageProps) {
  const { t } = ctx
  const problemOf = (form: MeForm) => (refused?.form === form ? refused.problem : null)
  const nameForm = formView({ prefix: 'me-', values: { name: values.name ?? person.name }, problem: problemOf('name'), fields: { name: 'me-name' } })
  const localeForm = formView({ prefix: 'me-', values: { locale: person.locale ?? '' }, problem: problemOf('locale'), fields: { locale: 'me-locale' } })
  const passwordForm = formView({
    prefix: 'me-',
    problem: problemOf('password'),
    fields: { currentPassword: 'me-current-password', password: 'me-new-password', password2: 'me-new-password2' },
  })
  // Every installed language, each named in itself (and marked so, for screen readers).
  const locales = ctx.languages.list.map((l) => ({ value: l.code, label: l.name, lang: l.code }))
  return (
    <Layout ctx={ctx} title={t('me.title')} errors={formErrors(nameForm, localeForm, passwordForm)}>
      <h1>{t('me.title')}</h1>
      <p>{t('me.intro', { email: person.email })}</p>
      {roles.length ? (
        <p>
          {t('me.roles')}: {roles.map((r) => t(r === 'admin' ? 'me.role_admin' : 'me.role_spokesperson')).join(', ')}
        </p>
      ) : null}
      <SuccessNotice message={saved ? t(SAVED_KEY[saved]) : null} />

      <section aria-labelledby="me-name-heading">
        <h2 id="me-name-heading">{t('me.name_heading')}</h2>
        <FormError form={nameForm} />
        <PostForm action="/me/name">
          <TextField form={nameForm} name="name" label={t('common.name')} autocomplete="name" required maxlength={200} />
          <div>
            <button type="submit">{t('common.save')}</button>
          </div>
        </PostForm>
      </section>

      <section aria-labelledby="me-locale-heading">
        <h2 id="me-locale-heading">{t('me.locale_heading')}</h2>
        <FormError form={localeForm} />
        <PostForm action="/me/locale">
          <SelectField form={localeForm} name="locale" label={t('me.locale_label')} placeholder={t('me.locale_browser')} options={locales} />
          <div>
            <button type="submit">{t('common.save')}</button>
          </div>
        </PostForm>
      </section>

      <section aria-labelledby="me-password-heading">
        <h2 id="me-password-heading">{t('me.password_heading')}</h2>
        <FormError form={passwordForm} />
        <PostForm action="/me/password">
          <input type="email" autocomplete="username" value={person.email} hidden readonly aria-hidden="true" tabindex={-1} />
          <TextField form={passwordForm} name="currentPassword" type="password" label={t('auth.current_password')} autocomplete="current-password" required maxlength={1024} />
          <TextField form={passwordForm} name="password" type="password" label={t('auth.new_password')} hint={t('auth.password_hint')} autocomplete="new-password" required minlength={8} maxlength={1024} />
          <TextField form={passwordForm} name="password2" type="password" label={t('auth.new_password_repeat')} autocomplete="new-password" required maxlength={1024} />
          <div>
            <button type="submit">{t('me.password_submit')}</button>
          </div>
        </PostForm>
      </section>
      {more}
    </Layout>
  )
}

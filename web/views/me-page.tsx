import type { Child } from 'hono/jsx'
import type { Locale } from '../../shared/i18n/index.ts'
import { pageErrors } from './error-summary.tsx'
import { ErrorNotice, Layout, SuccessNotice, type PageContext } from './layout.tsx'

export type MeForm = 'name' | 'locale' | 'password'

export interface MePageProps {
  ctx: PageContext
  person: { name: string; email: string; locale: string | null }
  roles: Array<'admin' | 'spokesperson'>
  /** Which form was just saved, for the success notice. */
  saved?: MeForm | null
  /** An error in one of the forms; shown in that form, with the entered name kept. */
  error?: { form: MeForm; message: string; field?: string | undefined } | null
  values?: { name?: string }
  /** Further sections of the account (notification settings, calendar feed). */
  more?: Child
}

const SAVED_KEY = { name: 'me.name_saved', locale: 'me.locale_saved', password: 'me.password_saved' } as const

export function MePage({ ctx, person, roles, saved, error, values = {}, more }: MePageProps) {
  const { t } = ctx
  const errorIn = (form: MeForm) => (error?.form === form ? error : null)
  const invalid = (form: MeForm, field: string) => (error?.form === form && error.field === field ? 'true' : undefined)
  const fieldIds = { name: 'me-name', locale: 'me-locale', currentPassword: 'me-current-password', password: 'me-new-password', password2: 'me-new-password2' }
  return (
    <Layout ctx={ctx} title={t('me.title')} errors={pageErrors(error, fieldIds)}>
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
        <ErrorNotice message={errorIn('name')?.message} />
        <form method="post" action="/me/name">
          <label for="me-name">{t('common.name')}</label>
          <input
            id="me-name" name="name" type="text" autocomplete="name" required maxlength={200}
            value={values.name ?? person.name} aria-invalid={invalid('name', 'name')}
          />
          <div>
            <button type="submit">{t('common.save')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="me-locale-heading">
        <h2 id="me-locale-heading">{t('me.locale_heading')}</h2>
        <ErrorNotice message={errorIn('locale')?.message} />
        <form method="post" action="/me/locale">
          <label for="me-locale">{t('me.locale_label')}</label>
          <select id="me-locale" name="locale">
            <option value="" selected={person.locale === null}>
              {t('me.locale_browser')}
            </option>
            {(['de', 'en'] as const satisfies readonly Locale[]).map((l) => (
              <option value={l} lang={l} selected={person.locale === l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
          <div>
            <button type="submit">{t('common.save')}</button>
          </div>
        </form>
      </section>

      <section aria-labelledby="me-password-heading">
        <h2 id="me-password-heading">{t('me.password_heading')}</h2>
        <ErrorNotice message={errorIn('password')?.message} />
        <form method="post" action="/me/password">
          <input type="email" autocomplete="username" value={person.email} hidden readonly aria-hidden="true" tabindex={-1} />
          <label for="me-current-password">{t('auth.current_password')}</label>
          <input
            id="me-current-password" name="currentPassword" type="password" autocomplete="current-password" required maxlength={1024}
            aria-invalid={invalid('password', 'currentPassword')}
          />
          <label for="me-new-password">{t('auth.new_password')}</label>
          <p class="hint" id="me-password-hint">
            {t('auth.password_hint')}
          </p>
          <input
            id="me-new-password" name="password" type="password" autocomplete="new-password" required minlength={8} maxlength={1024}
            aria-describedby="me-password-hint" aria-invalid={invalid('password', 'password')}
          />
          <label for="me-new-password2">{t('auth.new_password_repeat')}</label>
          <input
            id="me-new-password2" name="password2" type="password" autocomplete="new-password" required maxlength={1024}
            aria-invalid={invalid('password', 'password2')}
          />
          <div>
            <button type="submit">{t('me.password_submit')}</button>
          </div>
        </form>
      </section>
      {more}
    </Layout>
  )
}

import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { fail } from '../../shared/errors.ts'
import { MePage, type MeForm } from '../../web/views/me-page.tsx'
import { clientIp } from '../auth/client-ip.ts'
import { requireCan, requirePerson } from '../auth/guards.ts'
import { writeSessionCookie } from '../auth/session-cookie.ts'
import { sessionExpiresAt } from '../auth/sessions.ts'
import type { AppEnv } from '../http/app-env.ts'
import { submitForm, type Refused } from '../http/refused-form.ts'
import { pageContext, render } from '../http/render.tsx'
import { readForm } from '../http/validate.ts'
import { changeOwnAccount } from './change-own-account.ts'
import { presentMe } from './me.ts'
import { NotificationSettingsSection } from '../../web/views/notifications/settings-section.tsx'
import { readSettings } from '../notifications/notification-settings.ts'
import { calendarFeedUrl } from '../notifications/calendar-feed.ts'

const NameForm = z.object({ name: z.string().max(200) }).strict()
const LocaleForm = z.object({ locale: z.string().max(35) }).strict()
const PasswordForm = z
  .object({ currentPassword: z.string().max(1024), password: z.string().max(1024), password2: z.string().max(1024) })
  .strict()

const FORMS: readonly MeForm[] = ['name', 'locale', 'password']

function page(c: Context<AppEnv>, extra: { saved?: MeForm | null; refused?: { form: MeForm } & Refused; name?: string } = {}) {
  const { person, actor } = requirePerson(c)
  const me = presentMe(person, actor)
  const refused = extra.refused
  return render(
    c,
    <MePage
      ctx={pageContext(c)}
      person={person}
      roles={me.roles}
      saved={extra.saved ?? null}
      refused={refused ? { form: refused.form, problem: refused.problem } : null}
      values={extra.name !== undefined ? { name: extra.name } : {}}
      more={
        <NotificationSettingsSection
          ctx={pageContext(c)}
          settings={readSettings(c.get('deps'), person.id)}
          saved={c.req.query('saved') === 'notifications'}
          calendarUrl={calendarFeedUrl(c.get('deps'), person.id)}
        />
      }
    />,
    refused?.status ?? 200,
  )
}

/** `/me`: a person's own name, language and password, as forms that work without JavaScript. */
export const mePages = new Hono<AppEnv>()
  .get('/me', (c) => {
    requirePerson(c)
    const saved = c.req.query('saved')
    return page(c, { saved: FORMS.find((f) => f === saved) ?? null })
  })
  .post('/me/name', async (c) => {
    const current = requireCan(c, { type: 'self.edit' })
    let name: string | undefined
    const result = await submitForm(c, async () => {
      const input = await readForm(c, NameForm)
      name = input.name
      return changeOwnAccount(c.get('deps'), current.person.id, { name: input.name }, clientIp(c))
    })
    if (!result.ok) return page(c, { refused: { form: 'name', ...result }, ...(name !== undefined ? { name } : {}) })
    return c.redirect('/me?saved=name', 303)
  })
  .post('/me/locale', async (c) => {
    const current = requireCan(c, { type: 'self.edit' })
    const result = await submitForm(c, async () => {
      const input = await readForm(c, LocaleForm)
      return changeOwnAccount(c.get('deps'), current.person.id, { locale: input.locale === '' ? null : input.locale }, clientIp(c))
    })
    if (!result.ok) return page(c, { refused: { form: 'locale', ...result } })
    return c.redirect('/me?saved=locale', 303)
  })
  .post('/me/password', async (c) => {
    const current = requireCan(c, { type: 'self.edit' })
    const result = await submitForm(c, async () => {
      const input = await readForm(c, PasswordForm)
      if (input.password !== input.password2) fail('validation', { key: 'auth.password_mismatch' }, 'password2')
      const change = { password: input.password, currentPassword: input.currentPassword }
      return changeOwnAccount(c.get('deps'), current.person.id, change, clientIp(c))
    })
    if (!result.ok) return page(c, { refused: { form: 'password', ...result } })
    const { newSession } = result.value
    if (newSession) writeSessionCookie(c, newSession.token, sessionExpiresAt(newSession.session))
    return c.redirect('/me?saved=password', 303)
  })

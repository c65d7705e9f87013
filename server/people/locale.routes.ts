import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { z } from 'zod'
import { LOCALE_COOKIE } from '../auth/load-session.ts'
import type { AppEnv } from '../http/app-env.ts'
import { safeLocalPath } from '../http/safe-path.ts'
import { readForm } from '../http/validate.ts'
import { setOwnLocale } from './set-own-locale.ts'
import { fail } from '../../shared/errors.ts'

const LocaleForm = z.object({
  // Which codes are installed is known at start only: checked below, like setOwnLocale does.
  locale: z.string().max(35),
  back: z.string().max(2000).optional(),
})

export const localeRoutes = new Hono<AppEnv>().post('/locale', async (c) => {
  const input = await readForm(c, LocaleForm)
  if (!c.get('deps').languages.has(input.locale)) fail('validation', { key: 'me.locale_unknown' }, 'locale')
  const current = c.get('current')
  if (current) setOwnLocale(c.get('deps'), current.person.id, input.locale)
  setCookie(c, LOCALE_COOKIE, input.locale, {
    path: '/',
    sameSite: 'Lax',
    httpOnly: true,
    secure: c.get('deps').config.secureCookies,
    maxAge: 365 * 24 * 3600,
  })
  return c.redirect(safeLocalPath(input.back), 303)
})

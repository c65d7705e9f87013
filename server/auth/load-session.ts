import type { MiddlewareHandler } from 'hono'
import { isLocale, localeFromAcceptLanguage, translator, type Locale } from '../../shared/i18n/index.ts'
import { cookieValue } from '../http/cookie-value.ts'
import type { AppEnv } from '../http/app-env.ts'
import { loadActor } from '../people/load-actor.ts'
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './session-cookie.ts'
import { invalidateSession, sessionExpiresAt, validateSessionToken } from './sessions.ts'

/** Cookie that remembers a visitor's language choice (people with an account store it on their row). */
export const LOCALE_COOKIE = 'sprachrohr_lang'

/**
 * Resolves the session cookie into `c.get('current')` (or null) and picks the locale: the person's
 * setting, else the visitor's language cookie, else Accept-Language, else German.
 */
export const loadSession: MiddlewareHandler<AppEnv> = (c, next) => {
  const { db, now } = c.get('deps')
  let current: AppEnv['Variables']['current'] = null
  const token = readSessionCookie(c)
  if (token) {
    const valid = validateSessionToken(db, token, now())
    if (valid && valid.person.disabled === 0) {
      current = { person: valid.person, actor: loadActor(db, valid.person), sessionId: valid.session.id }
      if (valid.renewed) writeSessionCookie(c, token, sessionExpiresAt(valid.session))
    } else {
      if (valid) invalidateSession(db, valid.session.id)
      clearSessionCookie(c)
    }
  }
  c.set('current', current)
  const locale = isLocale(current?.person.locale) ? current.person.locale : visitorLocale(c.req.header('cookie'), c.req.header('accept-language'))
  c.set('locale', locale)
  c.set('t', translator(locale))
  return next()
}

/**
 * The language of a visitor without an account: their language cookie, else Accept-Language, else
 * German. The visitor fast path (server/http/visitor-fast-path.ts) picks its page by this too.
 */
export function visitorLocale(cookieHeader: string | undefined, acceptLanguage: string | undefined): Locale {
  const cookieLocale = cookieValue(cookieHeader, LOCALE_COOKIE)
  return isLocale(cookieLocale) ? cookieLocale : localeFromAcceptLanguage(acceptLanguage)
}

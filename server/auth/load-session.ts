import type { MiddlewareHandler } from 'hono'
import type { Locale } from '../../shared/i18n/index.ts'
import type { Languages } from '../../shared/i18n/languages.ts'
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
  const { db, now, languages } = c.get('deps')
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
  // A stored language whose pack was removed since counts as no choice: the browser's then.
  const locale = languages.installed(current?.person.locale) ?? visitorLocale(languages, c.req.header('cookie'), c.req.header('accept-language'))
  c.set('locale', locale)
  c.set('t', languages.translator(locale))
  return next()
}

/**
 * The language of a visitor without an account: their language cookie, else Accept-Language, else
 * German. The visitor fast path (server/http/visitor-fast-path.ts) picks its page by this too.
 */
export function visitorLocale(languages: Languages, cookieHeader: string | undefined, acceptLanguage: string | undefined): Locale {
  return languages.installed(cookieValue(cookieHeader, LOCALE_COOKIE)) ?? languages.fromAcceptLanguage(acceptLanguage)
}

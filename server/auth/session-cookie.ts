import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { Config } from '../config.ts'
import type { AppEnv } from '../http/app-env.ts'
import { cookieValue } from '../http/cookie-value.ts'

/** Over https the cookie gets the __Host- prefix: Secure, Path=/, no Domain, so subdomains cannot set it. */
const BASE_NAME = 'sprachrohr_session'

export function sessionCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? `__Host-${BASE_NAME}` : BASE_NAME
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  // Our own parser: Hono's getCookie parses every cookie of the header on every request.
  return sessionTokenFromCookieHeader(c.req.header('cookie'), c.get('deps').config)
}

export function writeSessionCookie(c: Context<AppEnv>, token: string, expiresAt: number): void {
  const config = c.get('deps').config
  setCookie(c, BASE_NAME, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: config.secureCookies,
    expires: new Date(expiresAt),
    ...(config.secureCookies ? { prefix: 'host' as const } : {}),
  })
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const config = c.get('deps').config
  deleteCookie(c, BASE_NAME, {
    path: '/',
    secure: config.secureCookies,
    ...(config.secureCookies ? { prefix: 'host' as const } : {}),
  })
}

/** Where the logout form leads: the start page, which then deletes offline draft copies. */
export const LOGGED_OUT_PATH = '/?logged-out'

/**
 * Tells the browser to drop what this site stored (IndexedDB with the editor's offline draft
 * copies, localStorage…), cookies aside: on a shared computer the next person must not find
 * drafts. Browsers honour it in secure contexts (https, and http://localhost).
 */
export function forgetBrowserStorage(c: Context<AppEnv>): void {
  c.header('Clear-Site-Data', '"storage"')
}

/** Reads the session token from a raw Cookie header (the websocket upgrade has no Hono context). */
export function sessionTokenFromCookieHeader(header: string | undefined, config: Pick<Config, 'secureCookies'>): string | undefined {
  return cookieValue(header, sessionCookieName(config))
}

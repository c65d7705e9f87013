import type { MiddlewareHandler } from 'hono'
import { fail } from '../../shared/errors.ts'
import type { AppEnv } from './app-env.ts'

/**
 * Refuses every state-changing request that a browser did not send from our own pages: the
 * Origin header must be ours, or (older browsers omit Origin on some requests) Sec-Fetch-Site
 * must say same-origin. A request with neither is refused too: SameSite cookies alone do not
 * stop same-site subdomains.
 */
export function isSameOrigin(headers: { origin?: string | undefined; secFetchSite?: string | undefined }, publicUrl: string): boolean {
  if (headers.origin !== undefined && headers.origin !== 'null') return headers.origin === publicUrl
  return headers.secFetchSite === 'same-origin'
}

export const sameOrigin: MiddlewareHandler<AppEnv> = (c, next) => {
  const method = c.req.method
  // One-click unsubscribe (RFC 8058) is posted by mail clients from nowhere; its signed token is the proof.
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && !c.req.path.startsWith('/unsubscribe/')) {
    const ok = isSameOrigin(
      { origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') },
      c.get('deps').config.publicUrl,
    )
    if (!ok) fail('csrf')
  }
  return next()
}

import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.ts'

// No inline script or style anywhere: the editor bundle and CSS are files under /assets.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ')

/**
 * Set before the handler runs: Hono copies headers set on the context into every response it
 * builds (pages, JSON, redirects, 304s, error pages), and nothing then has to touch the finished
 * response's headers again.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = (c, next) => {
  c.header('Content-Security-Policy', CSP)
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'strict-origin-when-cross-origin')
  c.header('X-Frame-Options', 'DENY')
  c.header('Cross-Origin-Opener-Policy', 'same-origin')
  if (c.get('deps').config.secureCookies) c.header('Strict-Transport-Security', 'max-age=31536000')
  return next()
}

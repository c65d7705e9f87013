import { safeLocalPath } from '../http/safe-path.ts'

/**
 * Where to go after login: only a path on this site (see safeLocalPath), so the login page cannot
 * be used as an open redirect. Anything else becomes `/`.
 */
export function safeNext(next: string | undefined | null): string {
  const path = safeLocalPath(next)
  // Coming back to the login or logout page after logging in would be a dead end.
  const pathname = path.split(/[?#]/)[0]
  if (pathname === '/login' || pathname === '/logout') return '/'
  return path
}

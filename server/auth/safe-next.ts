/**
 * Where to go after login: only a path on this site. Anything else (another host, `//evil`,
 * `/\evil` which browsers read as `//evil`, a scheme, control characters) becomes `/`, so the
 * login page cannot be used as an open redirect.
 */
export function safeNext(next: string | undefined | null): string {
  if (!next || next.length > 2000) return '/'
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/'
  const base = 'http://sprachrohr.invalid'
  let url: URL
  try {
    url = new URL(next, base)
  } catch {
    return '/'
  }
  if (url.origin !== base) return '/'
  // Coming back to the login or logout page after logging in would be a dead end.
  if (url.pathname === '/login' || url.pathname === '/logout') return '/'
  return url.pathname + url.search + url.hash
}

const BASE = 'http://sprachrohr.invalid'

// C0 controls, DEL and C1 controls. The URL parser silently drops TAB/CR/LF and a header
// cannot carry CR/LF at all, so any of them means the value was made to deceive.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/** True for a value a browser reads as a path on this site: one leading `/`, nothing else. */
function isLocalPath(value: string): boolean {
  if (!value.startsWith('/')) return false
  // `//host` and `/\host` (browsers treat `\` as `/`) name another host.
  if (value[1] === '/' || value[1] === '\\') return false
  return !CONTROL.test(value) && !value.includes('\\')
}

/**
 * A redirect target from untrusted input (`next` after login, `back` after a language switch…),
 * or `fallback`. Both the raw value and its URL-normalized form must be a same-origin path with a
 * single leading `/` and no control characters or backslashes: normalizing can turn a harmless
 * looking `/.//evil.example` into `//evil.example`, so the value we return is the value we check.
 */
export function safeLocalPath(raw: string | undefined | null, fallback = '/'): string {
  if (!raw || raw.length > 2000 || !isLocalPath(raw)) return fallback
  let url: URL
  try {
    url = new URL(raw, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE) return fallback
  const normalized = url.pathname + url.search + url.hash
  return isLocalPath(normalized) ? normalized : fallback
}

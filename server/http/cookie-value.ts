/**
 * One cookie's value from a raw Cookie header, or undefined. Our own parser: Hono's getCookie
 * parses every cookie of the header, and the websocket upgrade and the visitor fast path have no
 * Hono context.
 */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim())
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

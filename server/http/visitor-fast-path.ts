import type { IncomingMessage, ServerResponse } from 'node:http'
import { visitorLocale } from '../auth/load-session.ts'
import { sessionTokenFromCookieHeader } from '../auth/session-cookie.ts'
import type { Deps } from '../deps.ts'
import { etagMatches } from '../publishing/conditional.ts'

/**
 * Answers a visitor's GET of a public page from `deps.caches.visitorPages` straight on the Node
 * request, without building the app's request, context and response objects around a finished
 * body (that wrapping, not the page, was most of a cached public page's cost: docs/BENCHMARKS.md,
 * "Public page"). Returns false, and the app handles the request, whenever it is not that case:
 * another method, a session cookie (even an invalid one: the app clears it), a conditional
 * request by date only, or no page stored under the current write mark for this language and path.
 * The stored headers are the app's own, so both ways answer alike.
 */
export function serveVisitorPage(deps: Deps, request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET' || deps.caches.visitorPages.size === 0) return false
  const headers = request.headers
  if (sessionTokenFromCookieHeader(headers.cookie, deps.config) !== undefined) return false
  const ifNoneMatch = headers['if-none-match']
  if (ifNoneMatch === undefined && headers['if-modified-since'] !== undefined) return false
  const page = deps.caches.visitorPages.get(visitorLocale(deps.languages, headers.cookie, headers['accept-language']), request.url ?? '', deps.writeMark())
  if (page === undefined) return false
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, page.etag)) {
    const { 'content-type': _type, 'content-length': _length, ...rest } = page.headers
    response.writeHead(304, rest)
    response.end()
    return true
  }
  response.writeHead(200, page.headers)
  response.end(page.body)
  return true
}

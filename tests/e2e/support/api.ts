import type { E2eServer } from './server.ts'

export interface ApiResponse<T = any> {
  status: number
  body: T
  headers: Headers
}

export interface ApiClient {
  get<T = any>(path: string): Promise<ApiResponse<T>>
  post<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>
  patch<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>
  put<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>
  delete<T = any>(path: string): Promise<ApiResponse<T>>
  /** Posts an urlencoded form as a browser without JavaScript would (answers are not followed). */
  form<T = any>(path: string, fields: Record<string, string>): Promise<ApiResponse<T>>
}

/**
 * Talks JSON to a running e2e server, to seed data a test needs but does not test (the pages
 * under test are driven in the browser). Sends the same-origin Origin header every write needs.
 * `cookie` is a Cookie header value, e.g. from `apiLogin`. `origin` is the app's public URL when
 * it differs from the address the calls go to (an app behind a proxy, called directly).
 */
export function api(server: Pick<E2eServer, 'url'> & { origin?: string }, cookie?: string): ApiClient {
  const request = async <T>(method: string, path: string, body?: unknown, form?: Record<string, string>): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { origin: server.origin ?? server.url, accept: 'application/json' }
    if (cookie) headers.cookie = cookie
    let payload: string | undefined
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      payload = new URLSearchParams(form).toString()
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    const res = await fetch(server.url + path, { method, headers, body: payload, redirect: 'manual' })
    const text = await res.text()
    let parsed: unknown = text
    if ((res.headers.get('content-type') ?? '').includes('application/json') && text) parsed = JSON.parse(text)
    return { status: res.status, body: parsed as T, headers: res.headers }
  }
  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
    form: (path, fields) => request('POST', path, undefined, fields),
  }
}

/** Throws with the server's answer unless the status is the expected one; returns the body. */
export function expectStatus<T>(res: ApiResponse<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${res.status}: ${JSON.stringify(res.body)}`)
  return res.body
}

/** Logs in through POST /api/session and returns the Cookie header value for later calls. */
export async function apiLogin(server: Pick<E2eServer, 'url'> & { origin?: string }, email: string, password: string): Promise<string> {
  const res = await api(server).post('/api/session', { email, password })
  expectStatus(res, 200, `login as ${email}`)
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!).filter((c) => !c.endsWith('='))
  if (!cookies.length) throw new Error(`login as ${email}: no session cookie in the answer`)
  return cookies.join('; ')
}

/** An API client logged in as `account` (through POST /api/session). */
export async function apiAs(server: Pick<E2eServer, 'url'> & { origin?: string }, account: { email: string; password: string }): Promise<ApiClient> {
  return api(server, await apiLogin(server, account.email, account.password))
}

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeDatabase, openDatabase, type Db } from '../../db/connection.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { createAppContext } from '../../server/app-context.ts'
import { createApp } from '../../server/app.tsx'
import type { PasswordHashCost } from '../../server/auth/passwords.ts'
import { DEFAULT_MAX_DRAFT_BYTES, type Config } from '../../server/config.ts'
import type { Deps } from '../../server/deps.ts'
import { memoryLogger } from '../../server/log.ts'
import { createRenderer, type RendererOptions } from '../../server/render/renderer.ts'
import { testClock, type TestClock } from './clock.ts'

export const TEST_ORIGIN = 'http://sprachrohr.test'

/** The least Argon2 accepts with one lane: 8 KiB, one pass (about 0.05 ms instead of about 30 ms). */
export const TEST_HASH_COST: PasswordHashCost = { memoryKiB: 8, passes: 1 }

export interface TestApp {
  deps: Deps
  db: Db
  clock: TestClock
  app: ReturnType<typeof createApp>
  log: ReturnType<typeof memoryLogger>
  /** A client without a session; `.as(cookie)` gives one with it. */
  client: TestClient
  close(): void
}

export interface TestClient {
  cookie?: string
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  get(path: string, headers?: Record<string, string>): Promise<Response>
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  patch(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  delete(path: string, headers?: Record<string, string>): Promise<Response>
  /** Posts an urlencoded form, as a browser without JavaScript would. */
  form(path: string, fields: Record<string, string | string[]>, headers?: Record<string, string>): Promise<Response>
  as(cookie: string | undefined): TestClient
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'sprachrohr-test-')),
    publicUrl: TEST_ORIGIN,
    secureCookies: false,
    sqliteSynchronous: 'NORMAL',
    syncPersist: true,
    trustProxy: false,
    // Argon2 at the lowest cost: most tests log in or create people, few are about passwords
    // (those that are pass `config: { passwordHashCost: STANDARD_HASH_COST }`).
    passwordHashCost: TEST_HASH_COST,
    maxDraftBytes: DEFAULT_MAX_DRAFT_BYTES,
    ...overrides,
  }
}

/** A fresh app on a fresh database (one per test file, or per test where isolation matters). */
export async function testApp(options: { config?: Partial<Config>; file?: string; renders?: Omit<RendererOptions, 'log'> } = {}): Promise<TestApp> {
  const config = testConfig(options.config)
  const db = openDatabase(options.file ?? ':memory:')
  await migrateToLatest(db)
  const clock = testClock()
  const log = memoryLogger()
  const deps = createAppContext(config, db, { log, now: clock.now, renders: options.renders })
  const app = createApp(deps)
  const client = makeClient(app, config.publicUrl, undefined)
  return { deps, db, clock, app, log, client, close: () => {
      void deps.renders.stop()
      closeDatabase(db)
    } }
}

function makeClient(app: ReturnType<typeof createApp>, origin: string, cookie: string | undefined): TestClient {
  return testClient((path, init) => app.request(path, init, undefined), origin, cookie)
}

/**
 * The one test client, for the in-process app and for a real server alike (`send` is
 * `app.request` or `fetch` on the server's URL): JSON bodies, urlencoded forms, the session
 * cookie and the Origin a browser would send (a header given as '' is left out).
 */
export function testClient(send: (path: string, init: RequestInit) => Response | Promise<Response>, origin: string, cookie: string | undefined): TestClient {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const h: Record<string, string> = { origin, ...headers }
    if (cookie) h.cookie = cookie
    let payload: BodyInit | undefined
    if (body !== undefined) {
      if (typeof body === 'string') payload = body
      else {
        payload = JSON.stringify(body)
        h['content-type'] ??= 'application/json'
      }
    }
    for (const [k, v] of Object.entries(h)) if (v === '') delete h[k]
    return send(path, { method, headers: h, body: payload })
  }
  const client: TestClient = {
    cookie,
    request,
    get: (p, h) => request('GET', p, undefined, h),
    post: (p, b, h) => request('POST', p, b, h),
    patch: (p, b, h) => request('PATCH', p, b, h),
    put: (p, b, h) => request('PUT', p, b, h),
    delete: (p, h) => request('DELETE', p, undefined, h),
    form: (p, fields, h = {}) => {
      const params = new URLSearchParams()
      for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item)
      return request('POST', p, params.toString(), { 'content-type': 'application/x-www-form-urlencoded', ...h })
    },
    as: (c) => testClient(send, origin, c),
  }
  return client
}

/** The `name=value` part of a Set-Cookie header, ready to send back as a Cookie header. */
export function cookieFrom(res: Response, name = 'sprachrohr_session'): string | undefined {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';')
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair
  }
  return undefined
}

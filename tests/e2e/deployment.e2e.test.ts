import { request } from 'node:https'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { api, apiLogin, expectStatus } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login } from './support/login.ts'
import { startNginx, type RunningNginx } from './support/nginx.ts'
import { seedFirstAdmin, seedPerson } from './support/seed.ts'
import { freePort, startServer, type E2eServer } from './support/server.ts'

/** One HTTPS request through the proxy from a chosen loopback address (the "client address"). */
function httpsFrom(
  localAddress: string,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, localAddress, rejectUnauthorized: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.once('error', reject)
    req.end(options.body)
  })
}

// The app as admins run it: built, behind Debian's nginx with TLS (docs/deploy/nginx-sprachrohr.conf
// as shipped), PUBLIC_URL=https://…, TRUST_PROXY=1. Login, the secure cookie, co-editing over the
// proxied websocket, the same-origin checks, and which client address the login throttle counts.
describe('behind nginx with TLS', () => {
  let server: E2eServer
  let nginx: RunningNginx
  let browser: Browser
  let positionUrl: string
  let lena: Page
  let murat: Page

  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: 'Wir treffen uns jeden Dienstag im Café' }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@refugees-welcome.example', password: 'Fahrradwerkstatt hinter dem Bahnhof' }

  const savedIn = (page: Page) => page.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')

  beforeAll(async () => {
    // nginx must know the app's port and the app its public URL (nginx's port): the port first.
    const publicPort = await freePort()
    const publicUrl = `https://127.0.0.1:${publicPort}`
    server = await startServer({ env: { PUBLIC_URL: publicUrl, TRUST_PROXY: '1' } })
    ;[nginx, browser] = await Promise.all([startNginx(server.port, publicPort), launchBrowser()])

    // Seeded on the app's own port, with the public Origin (the same-origin check wants that).
    const direct = Object.assign({}, server, { origin: publicUrl })
    const admin = await seedFirstAdmin(direct, { name: 'Aylin Demir', email: 'aylin@buendnis.example', password: 'Kaffee am Hafen um halb acht' })
    const cafe = expectStatus(await admin.post('/api/initiatives', { name: 'Internationales Café Winsen' }), 201, 'initiative')
    const group = expectStatus(await admin.post('/api/groups', { name: 'AG Wohnen' }), 201, 'group')
    for (const person of [LENA, MURAT]) {
      const id = await seedPerson(admin, person)
      expectStatus(await admin.post(`/api/initiatives/${cafe.id}/members`, { personId: id, role: 'delegate' }), 201, 'initiative member')
      expectStatus(await admin.post(`/api/groups/${group.id}/members`, { personId: id }), 201, 'group member')
    }
    const asLena = api(direct, await apiLogin(direct, LENA.email, LENA.password))
    const position = expectStatus(await asLena.post('/api/positions', { groupId: group.id, title: 'Wohnraum für Geflüchtete' }), 201, 'position')
    positionUrl = `${publicUrl}/positions/${position.id}`
  })

  afterAll(async () => {
    await browser?.close()
    await nginx?.stop()
    await server?.stop()
  })

  it('logs in over https with a __Host- cookie that is Secure, HttpOnly and SameSite', async () => {
    const context = await newContext(browser, { ignoreHTTPSErrors: true })
    lena = await context.newPage()
    await lena.goto(`${nginx.url}/login`)
    await checkPage(lena, 'deploy-01-login-behind-nginx')
    await login(lena, nginx.url, LENA.email, LENA.password)
    expect(new URL(lena.url()).origin).toBe(nginx.url)
    await checkPage(lena, 'deploy-02-start-page-behind-nginx')
    const cookies = await context.cookies(nginx.url)
    const session = cookies.find((c) => c.name.startsWith('__Host-'))
    expect(session, JSON.stringify(cookies)).toBeDefined()
    expect(session).toMatchObject({ secure: true, httpOnly: true, path: '/' })
    expect(session!.sameSite).not.toBe('None')
  })

  it('co-edits over the websocket nginx passes on', async () => {
    murat = await (await newContext(browser, { ignoreHTTPSErrors: true })).newPage()
    await login(murat, nginx.url, MURAT.email, MURAT.password)
    for (const page of [lena, murat]) {
      await page.goto(positionUrl)
      await checkPage(page, page === lena ? 'deploy-03-position-lena' : 'deploy-04-position-murat')
      await savedIn(page)
    }
    await lena.getByRole('textbox', { name: 'Text der Position' }).click()
    await lena.keyboard.type('Über den Proxy geschrieben.')
    await murat.waitForFunction(() => document.querySelector('#editor .ProseMirror')?.textContent?.includes('Über den Proxy geschrieben.'), undefined, { timeout: 15_000 })
    await savedIn(lena)
    expect(nginx.errors()).not.toMatch(/\[(error|crit|alert|emerg)\]/)
  })

  it('refuses writes and websockets from another origin through the proxy', async () => {
    const foreign = await httpsFrom('127.0.0.1', `${nginx.url}/api/session`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email: LENA.email, password: LENA.password }),
    })
    expect(foreign.status).toBe(403)
    expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: 'csrf' } })

    const cookie = (await lena.context().cookies(nginx.url)).map((c) => `${c.name}=${c.value}`).join('; ')
    const positionId = new URL(positionUrl).pathname.split('/')[2]!
    const open = (origin: string) =>
      new Promise<number | 'open'>((resolve) => {
        const ws = new WebSocket(`wss://127.0.0.1:${nginx.port}/sync/${positionId}`, { headers: { cookie, origin }, rejectUnauthorized: false })
        ws.once('open', () => {
          ws.terminate()
          resolve('open')
        })
        ws.once('unexpected-response', (_req, res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        ws.once('error', () => resolve(0))
      })
    expect(await open(nginx.url)).toBe('open')
    expect(await open('https://evil.example')).toBe(403)
  })

  it('throttles logins by the client address nginx saw, which a client cannot forge', async () => {
    // Every attempt with another unknown email: only the per-address count grows (20 are free).
    const attempt = (from: string, n: number, forwarded?: string) =>
      httpsFrom(from, `${nginx.url}/api/session`, {
        method: 'POST',
        headers: {
          origin: nginx.url,
          'content-type': 'application/json',
          accept: 'application/json',
          ...(forwarded ? { 'x-forwarded-for': forwarded } : {}),
        },
        body: JSON.stringify({ email: `unknown-${from}-${n}@example.org`, password: 'falsch geraten' }),
      })
    const statuses: number[] = []
    for (let n = 0; n < 22; n++) statuses.push((await attempt('127.0.0.2', n)).status)
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401))
    expect(statuses.at(-1)).toBe(429)

    // Another address is not held up: the app counts nginx's client address, not nginx's own.
    expect((await attempt('127.0.0.3', 0)).status).toBe(401)
    // A forged header does not help the throttled address (the right-most entry is nginx's) …
    expect((await attempt('127.0.0.2', 100, '203.0.113.7')).status).toBe(429)
    // … nor does it frame another one.
    expect((await attempt('127.0.0.3', 1, '127.0.0.2')).status).toBe(401)
  })
})

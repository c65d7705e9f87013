import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let cookie: string

beforeAll(async () => {
  t = await testApp()
  cookie = sessionCookie(t.db, buildPerson(t.db).id, t.clock.now())
})
afterAll(() => t.close())

const ESCAPES = ['/.//evil.example/x', '/..//evil.example', '/\\evil.example', '//evil.example', '/%2e%2e//evil.example']

describe('redirects never leave the site', () => {
  it.each(ESCAPES)('a signed-in person opening /login?next=%j goes to the start page', async (next) => {
    const res = await t.client.as(cookie).get(`/login?next=${encodeURIComponent(next)}`)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/')
  })

  it('the login page does not carry such a next into its form', async () => {
    const html = await (await t.client.get(`/login?next=${encodeURIComponent('/.//evil.example/x')}`)).text()
    expect(html).not.toContain('name="next"')
  })

  it.each([...ESCAPES, '/\tevil.example', '/\t/evil.example', '/x\r\nSet-Cookie: a=b', '/\n/evil.example'])(
    'the language switch with back=%j goes to the start page, without an error',
    async (back) => {
      const res = await t.client.form('/locale', { locale: 'en', back })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/')
      expect(res.headers.get('set-cookie')).not.toContain('a=b')
    },
  )

  it('the language switch goes back to a local page, the login page included', async () => {
    for (const back of ['/login?next=%2Fme', '/p/wohnen']) {
      const res = await t.client.form('/locale', { locale: 'en', back })
      expect(res.headers.get('location')).toBe(back)
    }
  })
})

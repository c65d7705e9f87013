import { afterAll, expect, it } from 'vitest'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { testApp } from '../../support/test-app.ts'

const t = await testApp()
afterAll(() => t.close())

it('counts in words a person reads naturally: "1 Person", "0 Initiativen"', async () => {
  const admin = buildPerson(t.db, { admin: true })
  const html = await (await t.client.as(sessionCookie(t.db, admin.id, t.clock.now())).get('/admin')).text()
  expect(html).toContain('>1 Person<')
  expect(html).toContain('>0 Initiativen<')
  expect(html).not.toContain('1 Personen')
})

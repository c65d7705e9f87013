import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { translatorLanguagesOf } from '../../../server/translations/translator.repo.ts'
import { adoptedPosition, buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let world: PublishingWorld
let person: { id: string; cookie: string }
let positionId: string

beforeAll(async () => {
  t = await testApp()
  t.clock.set(Date.parse('2027-03-03T09:00:00Z'))
  world = buildPublishingWorld(t, { initiatives: 3 })
  const position = await adoptedPosition(t, world, { title: 'Wohnen für alle' })
  positionId = position.id
  await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, { summary: '' })
  const row = buildPerson(t.db, { name: 'Leyla Übersetzerin' })
  person = { id: row.id, cookie: sessionCookie(t.db, row.id, t.clock.now()) }
})
afterAll(() => t.close())

const page = () => `/admin/people/${person.id}`
const checkbox = (code: string) => new RegExp(`<input type="checkbox" id="translator-languages-${code}" name="languages" value="${code}"( checked="")?`)

describe('the translator form on the admin person page', () => {
  it('lists every language, named in the interface language and in itself, none chosen yet', async () => {
    const html = await (await t.client.as(world.admin.cookie).get(page())).text()
    expect(html).toContain('<h2 id="translator">Übersetzen</h2>')
    expect(html).toContain('<legend>Sprachen, in die diese Person übersetzen darf</legend>')
    expect(html).toContain('Arabisch · <span lang="ar" dir="rtl">العربية</span>')
    expect(html).toContain('<label for="translator-languages-uk">Ukrainisch · <span lang="uk" dir="ltr">Українська</span></label>')
    expect(html.match(checkbox('ar'))?.[1]).toBeUndefined()
  })

  it('gives the person the languages ticked, and with them the right to translate into these only', async () => {
    const res = await t.client.as(world.admin.cookie).form(`${page()}/translator`, { languages: ['ar', 'fa'] })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${page()}?saved=1`)
    const html = await (await t.client.as(world.admin.cookie).get(res.headers.get('location')!)).text()
    expect(html.match(checkbox('ar'))?.[1]).toBe(' checked=""')
    expect(html.match(checkbox('fa'))?.[1]).toBe(' checked=""')
    expect(html.match(checkbox('uk'))?.[1]).toBeUndefined()
    const translation = { title: 'مسکن برای همه', text: 'بند اول.' }
    expect((await t.client.as(person.cookie).post(`/api/positions/${positionId}/translations`, { language: 'fa', ...translation })).status).toBe(201)
    expect((await t.client.as(person.cookie).post(`/api/positions/${positionId}/translations`, { language: 'uk', ...translation })).status).toBe(403)
  })

  it('takes a language away when its box is unticked, and all of them when none is', async () => {
    await t.client.as(world.admin.cookie).form(`${page()}/translator`, { languages: 'fa' })
    expect(translatorLanguagesOf(t.db, person.id)).toEqual(['fa'])
    expect((await t.client.as(world.admin.cookie).form(`${page()}/translator`, {})).status).toBe(303)
    expect(translatorLanguagesOf(t.db, person.id)).toEqual([])
  })

  it('refuses a language that is not on the list with the error summary, keeping what was stored', async () => {
    await t.client.as(world.admin.cookie).form(`${page()}/translator`, { languages: 'ar' })
    const res = await t.client.as(world.admin.cookie).form(`${page()}/translator`, { languages: ['fa', 'xx'] })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<title>Fehler (1): Leyla Übersetzerin')
    expect(html).toContain('<a href="#translator-languages-ar">Bitte wähle nur Sprachen aus der Liste.</a>')
    expect(html).toContain('id="translator-languages-error"')
    // What was entered is shown again: fa ticked, ar (stored, but not posted) not.
    expect(html.match(checkbox('fa'))?.[1]).toBe(' checked=""')
    expect(html.match(checkbox('ar'))?.[1]).toBeUndefined()
    expect(translatorLanguagesOf(t.db, person.id)).toEqual(['ar'])
  })

  it('is for admins only', async () => {
    expect((await t.client.as(world.spokesperson.cookie).form(`${page()}/translator`, { languages: 'uk' })).status).toBe(403)
    expect(translatorLanguagesOf(t.db, person.id)).toEqual(['ar'])
  })

  it('speaks English to an English-speaking admin', async () => {
    const html = await (await t.client.as(world.admin.cookie).get(page(), { 'accept-language': 'en' })).text()
    expect(html).toContain('<legend>Languages this person may translate into</legend>')
    expect(html).toContain('Arabic · <span lang="ar" dir="rtl">العربية</span>')
    expect(html).toContain('<label for="translator-languages-en">English</label>')
  })
})

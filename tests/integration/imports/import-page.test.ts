import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPublishingWorld, type PublishingWorld } from '../../support/adopt.ts'
import { wordFile } from '../../support/docx-fixtures.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'
import { upload } from '../../support/upload.ts'
import { pageText } from '../../support/page-text.ts'

let t: TestApp
let world: PublishingWorld
let slug: string

beforeAll(async () => {
  t = await testApp()
  world = buildPublishingWorld(t)
  slug = (t.db.sqlite.prepare('SELECT slug FROM working_groups WHERE id = ?').get(world.groupId) as { slug: string }).slug
})
afterAll(() => t.close())

describe('the import page of a working group', () => {
  it('is linked from the group page and offers a file field', async () => {
    const group = await (await t.client.as(world.member.cookie).get(`/groups/${slug}`)).text()
    expect(group).toContain(`href="/groups/${slug}/import"`)
    const res = await t.client.as(world.member.cookie).get(`/groups/${slug}/import`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('enctype="multipart/form-data"')
    expect(html).toContain('type="file"')
  })

  it('imports a Word file and lists what was left out', async () => {
    const res = await upload(t, `/groups/${slug}/import`, world.member.cookie, { name: 'kurse.docx', bytes: await wordFile() })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(pageText(html)).toContain('„Sprachkurse für alle“ wurde als neue Position angelegt.')
    expect(html).toContain('Tabellen: 1')
    expect(html).toContain('Bilder: 1')
    expect(html).toMatch(/href="\/positions\/[^"]+"/)
  })

  it('shows a refused file on the form, with its reason', async () => {
    const res = await upload(t, `/groups/${slug}/import`, world.member.cookie, { name: 'kaputt.docx', bytes: 'kein Word' }, { title: 'Mein Titel' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Die Datei lässt sich nicht lesen.')
    expect(html).toContain('value="Mein Titel"')
    expect(html).toContain('href="#import-file"')
  })
})

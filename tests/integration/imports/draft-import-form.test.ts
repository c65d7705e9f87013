import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wordFile } from '../../support/docx-fixtures.ts'
import { writeDraft } from '../../support/drafts.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'
import { upload } from '../../support/upload.ts'

let t: TestApp
let groupId: string
let member: string
let reader: string

beforeAll(async () => {
  t = await testApp()
  groupId = buildGroup(t.db).id
  const writer = buildPerson(t.db, { name: 'Anna Schreiber' })
  addToGroup(t.db, groupId, writer.id)
  member = sessionCookie(t.db, writer.id, t.clock.now())
  reader = sessionCookie(t.db, buildPerson(t.db).id, t.clock.now())
})
afterAll(() => t.close())

const emptyPosition = () => buildPosition(t.db, { groupId }).id
const page = async (path: string, cookie = member) => (await t.client.as(cookie).get(path)).text()

describe('taking a file into the empty draft from the position page', () => {
  it('offers the upload form to a member while the draft is empty, and to nobody else', async () => {
    const id = emptyPosition()
    const html = await page(`/positions/${id}`)
    expect(html).toContain(`action="/positions/${id}/draft/import" enctype="multipart/form-data"`)
    expect(html).toContain('Text aus einer Datei übernehmen')
    expect(html).toMatch(/<label for="draft-import-file"/)
    expect(await page(`/positions/${id}`, reader)).not.toContain('/draft/import')

    const written = emptyPosition()
    writeDraft(t.db, written, ['Schon Text.'])
    expect(await page(`/positions/${written}`)).not.toContain('/draft/import')
    const locked = buildPosition(t.db, { groupId, readonly: true }).id
    expect(await page(`/positions/${locked}`)).not.toContain('/draft/import')
  })

  it('takes a Word file into the draft and says what was left out; the form is gone', async () => {
    const id = emptyPosition()
    const res = await upload(t, `/positions/${id}/draft/import`, member, { name: 'kurse.docx', bytes: await wordFile() })
    expect(res.status).toBe(303)
    const location = res.headers.get('location')!
    expect(location).toMatch(new RegExp(`^/positions/${id}\\?imported=`))
    const html = await page(location)
    expect(html).toContain('Der Text der Datei steht jetzt im Entwurf.')
    expect(html).toContain('Tabellen: 1')
    expect(html).toContain('Bilder: 1')
    expect(html).toContain('<strong>monatelang</strong>')
    expect(html).not.toContain('/draft/import')
  })

  it('says so when everything came along', async () => {
    const id = emptyPosition()
    const res = await upload(t, `/positions/${id}/draft/import`, member, { name: 'ziele.md', bytes: '## Ziele\n\nMehr Sprachkurse.' })
    const html = await page(res.headers.get('location')!)
    expect(html).toContain('Der Text der Datei steht jetzt im Entwurf.')
    expect(html).not.toContain('weggelassen')
    expect(html).toContain('<h2>Ziele</h2><p>Mehr Sprachkurse.</p>')
  })

  it('shows a refused file on the form, in the error summary, linked to the file field', async () => {
    const id = emptyPosition()
    const res = await upload(t, `/positions/${id}/draft/import`, member, { name: 'bild.docx', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('class="error-summary"')
    expect(html).toContain('href="#draft-import-file"')
    expect(html).toContain('Die Datei lässt sich nicht lesen.')
    expect(html).toMatch(/<details class="rename draft-import" open/)
    expect(html).toMatch(/id="draft-import-file"[^>]*aria-invalid="true"/)

    const none = await upload(t, `/positions/${id}/draft/import`, member, { name: '', bytes: '' })
    expect(none.status).toBe(400)
    expect(await none.text()).toContain('Bitte wähle eine Datei aus.')
  })

  it('refuses a draft that got text meanwhile on the form, and a non-member on the error page', async () => {
    const id = emptyPosition()
    writeDraft(t.db, id, ['Inzwischen geschrieben.'])
    const full = await upload(t, `/positions/${id}/draft/import`, member, { name: 'a.txt', bytes: 'Text' })
    expect(full.status).toBe(409)
    expect(await full.text()).toContain('Der Entwurf enthält schon Text.')
    const outsider = await upload(t, `/positions/${emptyPosition()}/draft/import`, reader, { name: 'a.txt', bytes: 'Text' })
    expect(outsider.status).toBe(403)
    expect(await outsider.text()).not.toContain('draft-import-file')
  })
})

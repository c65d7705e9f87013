import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { all } from '../../../db/query.ts'
import { appendUpdate } from '../../../server/sync/doc.repo.ts'
import { editorSchema } from '../../../shared/editor/extensions.ts'
import { presenceColor } from '../../../shared/presence-color.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { testApp, type TestApp, type TestClient } from '../../support/test-app.ts'

let t: TestApp
let group: { id: string; slug: string }
let member: TestClient
let memberId: string
let reader: TestClient
let admin: TestClient

beforeAll(async () => {
  t = await testApp()
  group = buildGroup(t.db, { name: 'AG Wohnen', slug: 'wohnen' })
  t.db.sqlite.prepare('update working_groups set description = ? where id = ?').run('Alles rund ums Wohnen.', group.id)
  const m = buildPerson(t.db, { name: 'Mira Delegierte' })
  memberId = m.id
  addToGroup(t.db, group.id, m.id)
  const coordinator = buildPerson(t.db, { name: 'Kai Koordination' })
  addToGroup(t.db, group.id, coordinator.id, true)
  member = t.client.as(sessionCookie(t.db, m.id, t.clock.now()))
  reader = t.client.as(sessionCookie(t.db, buildPerson(t.db, { name: 'Rita Lesend' }).id, t.clock.now()))
  admin = t.client.as(sessionCookie(t.db, buildPerson(t.db, { admin: true }).id, t.clock.now()))
})
afterAll(() => t.close())

function positionCount(groupId: string): number {
  return all(t.db, t.db.q.selectFrom('positions').select('id').where('group_id', '=', groupId)).length
}

describe('start page', () => {
  it('welcomes visitors and leads to the published positions and the login', async () => {
    const res = await t.client.get('/')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Willkommen bei Sprachrohr')
    expect(html).toContain('href="/p"')
    expect(html).toContain('href="/login"')
    expect(html).not.toContain('Meine Arbeitsgruppen')
  })

  it('shows a member their groups with positions, status and last edit', async () => {
    const p = buildPosition(t.db, { groupId: group.id, title: 'Mietobergrenzen' })
    t.db.sqlite.prepare('update positions set last_edit_at = ? where id = ?').run(Date.parse('2026-11-21T10:05:00Z'), p.id)
    const other = buildGroup(t.db, { name: 'AG Arbeit' })
    buildPosition(t.db, { groupId: other.id, title: 'Nicht auf meiner Startseite' })

    const html = await (await member.get('/')).text()
    expect(html).toContain('Meine Arbeitsgruppen')
    expect(html).toContain('href="/groups/wohnen"')
    expect(html).toContain(`href="/positions/${p.id}"`)
    expect(html).toContain('Mietobergrenzen')
    expect(html).toContain('Entwurf')
    expect(html).toContain('zuletzt bearbeitet am 21.11.2026, 11:05')
    expect(html).not.toContain('Nicht auf meiner Startseite')
    expect(html).toContain('Weitere Arbeitsgruppen')
    expect(html).toContain('AG Arbeit')
  })

  it('tells a person without a group what to do', async () => {
    const html = await (await reader.get('/')).text()
    expect(html).toContain('Du bist noch in keiner Arbeitsgruppe')
  })
})

describe('group page', () => {
  it('shows name, description, members, coordinators, positions and the form for members', async () => {
    buildPosition(t.db, { groupId: group.id, title: 'Wohnberechtigungsschein' })
    const res = await member.get('/groups/wohnen')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1 lang="de">AG Wohnen</h1>')
    expect(html).toContain('Alles rund ums Wohnen.')
    expect(html).toContain('Mira Delegierte')
    expect(html).toMatch(/Kai Koordination <span class="badge">Koordination<\/span>/)
    expect(html).toContain('Wohnberechtigungsschein')
    expect(html).toContain('action="/groups/wohnen/positions"')
    expect(html).toMatch(/<label for="new-position-title">Titel<\/label>/)
  })

  it('shows no form to people outside the group', async () => {
    const html = await (await reader.get('/groups/wohnen')).text()
    expect(html).not.toContain('action="/groups/wohnen/positions"')
    expect(html).toContain('Neue Positionen legen die Mitglieder dieser Arbeitsgruppe an.')
  })

  it('creates a position from the form and redirects to it', async () => {
    const before = positionCount(group.id)
    const res = await member.form('/groups/wohnen/positions', { title: 'Unterbringung in Wohnungen' })
    expect(res.status).toBe(303)
    const location = res.headers.get('location') ?? ''
    expect(location).toMatch(/^\/positions\/[a-z0-9]+$/)
    expect(positionCount(group.id)).toBe(before + 1)
    const page = await member.get(location)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<h1 lang="de">Unterbringung in Wohnungen</h1>')
  })

  it('shows the form again with the message and what was typed when the title is too long', async () => {
    const before = positionCount(group.id)
    const long = 'Ä'.repeat(201)
    const res = await member.form('/groups/wohnen/positions', { title: long })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<title>Fehler (1): AG Wohnen · Sprachrohr</title>')
    expect(html).toContain('<a href="#new-position-title">Das Feld „Titel“ ist zu lang (höchstens 200 Zeichen).</a>')
    expect(html).toContain(`value="${long}"`)
    expect(positionCount(group.id)).toBe(before)
  })

  it('refuses the form for outsiders and from other sites', async () => {
    expect((await reader.form('/groups/wohnen/positions', { title: 'Von außen' })).status).toBe(403)
    expect((await member.form('/groups/wohnen/positions', { title: 'CSRF' }, { origin: 'https://evil.example' })).status).toBe(403)
  })

  it('sends visitors to the login and answers 404 for unknown groups', async () => {
    const res = await t.client.get('/groups/wohnen')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/login?next=%2Fgroups%2Fwohnen')
    expect((await member.get('/groups/gibt-es-nicht')).status).toBe(404)
  })
})

describe('position page', () => {
  it('gives members the live editor with the current text rendered on the server', async () => {
    const p = buildPosition(t.db, { groupId: group.id, title: 'Kita-Plätze' })
    const doc = new Y.Doc()
    prosemirrorJSONToYXmlFragment(
      editorSchema(),
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Jedes Kind braucht einen Platz.' }] }] },
      doc.getXmlFragment('content'),
    )
    appendUpdate(t.db, p.id, Y.encodeStateAsUpdate(doc))

    const res = await member.get(`/positions/${p.id}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1 lang="de">Kita-Plätze</h1>')
    expect(html).toContain('<p>Jedes Kind braucht einen Platz.</p>')
    expect(html).toContain('<script type="module" src="/assets/editor.js">')
    expect(html).toContain('data-editable="true"')
    expect(html).toContain(`data-position-id="${p.id}"`)
    expect(html).toContain(`data-user-color="${presenceColor(memberId)}"`)
    expect(html).toContain('data-user-name="Mira Delegierte"')
    expect(html).toContain('href="/groups/wohnen"')
    expect(html).toContain('Anwesend')
    expect(html).toContain('action="/positions/' + p.id + '/title"')
  })

  it('gives people outside the group the text read only, without the rename form', async () => {
    const p = buildPosition(t.db, { groupId: group.id, title: 'Nur lesen' })
    const html = await (await reader.get(`/positions/${p.id}`)).text()
    expect(html).toContain('data-editable="false"')
    expect(html).toContain('Du kannst diesen Entwurf mitlesen.')
    expect(html).not.toContain('/title"')
  })

  it('shows a locked draft read only to members too', async () => {
    const p = buildPosition(t.db, { groupId: group.id, status: 'in_round', readonly: true })
    const html = await (await member.get(`/positions/${p.id}`)).text()
    expect(html).toContain('data-editable="false"')
    expect(html).toContain('In der Entscheidung')
    expect(html).toContain('solange über eine Fassung entschieden wird')
    expect(html).not.toContain('/title"')
  })

  it('renames through the form and says so', async () => {
    const p = buildPosition(t.db, { groupId: group.id, title: 'Vorläufig' })
    const res = await member.form(`/positions/${p.id}/title`, { title: 'Endgültig' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/positions/${p.id}?renamed=1`)
    const html = await (await member.get(res.headers.get('location')!)).text()
    expect(html).toContain('<h1 lang="de">Endgültig</h1>')
    expect(html).toContain('Der Titel ist gespeichert.')
  })

  it('keeps the typed title and shows the message when it is empty', async () => {
    const p = buildPosition(t.db, { groupId: group.id, title: 'Bleibt' })
    const res = await member.form(`/positions/${p.id}/title`, { title: '   ' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<h1 lang="de">Bleibt</h1>')
    expect(html).toContain('<a href="#position-title">Das Feld „Titel“ fehlt.</a>')
    expect(html).toContain('<details class="rename" open')
  })

  it('refuses renames by readers, and sends visitors to the login', async () => {
    const p = buildPosition(t.db, { groupId: group.id })
    expect((await reader.form(`/positions/${p.id}/title`, { title: 'X' })).status).toBe(403)
    expect((await t.client.get(`/positions/${p.id}`)).status).toBe(303)
    expect((await admin.get('/positions/nope')).status).toBe(404)
  })

  it('escapes a title with markup', async () => {
    const p = buildPosition(t.db, { groupId: group.id, title: '<script>alert(1)</script>' })
    const html = await (await member.get(`/positions/${p.id}`)).text()
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

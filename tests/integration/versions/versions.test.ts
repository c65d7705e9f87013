import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../shared/content/canonical-json.ts'
import { writeDraft } from '../../support/drafts.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
let coordinator: string
let member: string
let groupId: string

beforeAll(async () => {
  t = await testApp()
  groupId = buildGroup(t.db).id
  const c = buildPerson(t.db, { name: 'Kim Koordination' })
  addToGroup(t.db, groupId, c.id, true)
  coordinator = sessionCookie(t.db, c.id, t.clock.now())
  const m = buildPerson(t.db)
  addToGroup(t.db, groupId, m.id)
  member = sessionCookie(t.db, m.id, t.clock.now())
})
afterAll(() => t.close())

function newPosition() {
  return buildPosition(t.db, { groupId }).id
}

describe('versions', () => {
  it('freezes the draft into version 1, 2, … with the hash of its canonical JSON', async () => {
    const id = newPosition()
    writeDraft(t.db, id, [['h2', 'Wohnen'], 'Wir fordern bezahlbaren Wohnraum.'])
    const res = await t.client.as(coordinator).post(`/api/positions/${id}/versions`)
    expect(res.status).toBe(201)
    const first = (await res.json()) as { number: number; hash: string }
    expect(first.number).toBe(1)
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/)

    const got = await t.client.as(member).get(`/api/positions/${id}/versions/1`)
    expect(got.status).toBe(200)
    const version = (await got.json()) as { number: number; hash: string; content: unknown; html: string; createdAt: string; createdBy: { name: string } }
    expect(version.hash).toBe(first.hash)
    expect(createHash('sha256').update(canonicalJson(version.content)).digest('hex')).toBe(first.hash)
    expect(version.html).toContain('<h2>Wohnen</h2>')
    expect(version.html).toContain('<p>Wir fordern bezahlbaren Wohnraum.</p>')
    expect(version.createdBy.name).toBe('Kim Koordination')
    expect(version.createdAt).toBe(new Date(t.clock.now()).toISOString())

    writeDraft(t.db, id, ['Anderer Text.'])
    const second = (await (await t.client.as(coordinator).post(`/api/positions/${id}/versions`)).json()) as { number: number; hash: string }
    expect(second.number).toBe(2)
    expect(second.hash).not.toBe(first.hash)

    const list = (await (await t.client.as(member).get(`/api/positions/${id}/versions`)).json()) as { versions: Array<{ number: number }> }
    expect(list.versions.map((v) => v.number)).toEqual([2, 1])
  })

  it('keeps a version byte-identical after later edits of the draft', async () => {
    const id = newPosition()
    writeDraft(t.db, id, ['Erster Stand.'])
    await t.client.as(coordinator).post(`/api/positions/${id}/versions`)
    const before = await (await t.client.as(member).get(`/api/positions/${id}/versions/1`)).text()
    const rawBefore = t.db.sqlite.prepare('select content, html, hash from versions where position_id = ? and number = 1').get(id)
    writeDraft(t.db, id, ['Ganz anderer Stand.', 'Noch ein Absatz.'])
    t.clock.advance(60_000)
    const after = await (await t.client.as(member).get(`/api/positions/${id}/versions/1`)).text()
    expect(after).toBe(before)
    expect(t.db.sqlite.prepare('select content, html, hash from versions where position_id = ? and number = 1').get(id)).toEqual(rawBefore)
  })

  it('refuses to change or delete a stored version, in the database itself', async () => {
    const id = newPosition()
    writeDraft(t.db, id, ['Fest.'])
    await t.client.as(coordinator).post(`/api/positions/${id}/versions`)
    expect(() => t.db.sqlite.prepare("update versions set html = 'x' where position_id = ?").run(id)).toThrow(/immutable/)
    expect(() => t.db.sqlite.prepare('delete from versions where position_id = ?').run(id)).toThrow(/immutable/)
  })

  it('lets only coordinators (and admins) freeze', async () => {
    const id = newPosition()
    expect((await t.client.as(member).post(`/api/positions/${id}/versions`)).status).toBe(403)
    expect((await t.client.post(`/api/positions/${id}/versions`)).status).toBe(401)
    const admin = buildPerson(t.db, { admin: true })
    expect((await t.client.as(sessionCookie(t.db, admin.id, t.clock.now())).post(`/api/positions/${id}/versions`)).status).toBe(201)
  })

  it('freezes an empty draft as an empty document', async () => {
    const id = newPosition()
    const res = await t.client.as(coordinator).post(`/api/positions/${id}/versions`)
    expect(res.status).toBe(201)
  })

  it('answers 404 for unknown positions and versions', async () => {
    const id = newPosition()
    expect((await t.client.as(member).get(`/api/positions/${id}/versions/7`)).status).toBe(404)
    expect((await t.client.as(member).get(`/api/positions/${id}/versions/abc`)).status).toBe(404)
    expect((await t.client.as(coordinator).post('/api/positions/nope/versions')).status).toBe(404)
  })

  it('refuses to freeze outside drafting', async () => {
    const id = buildPosition(t.db, { groupId, status: 'adopted', readonly: true }).id
    const res = await t.client.as(coordinator).post(`/api/positions/${id}/versions`)
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_state' } })
  })
})

describe('diff', () => {
  it('gives a word-level diff per block between two versions', async () => {
    const id = newPosition()
    writeDraft(t.db, id, [['h2', 'Wohnen'], 'Die Stadt muss handeln.', 'Dieser Satz fällt weg.'])
    await t.client.as(coordinator).post(`/api/positions/${id}/versions`)
    writeDraft(t.db, id, [['h2', 'Wohnen'], 'Das Land muss sofort handeln.', 'Ein neuer Absatz.'])
    await t.client.as(coordinator).post(`/api/positions/${id}/versions`)

    const res = await t.client.as(member).get(`/api/positions/${id}/diff?from=1&to=2`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { from: { number: number }; to: { number: number }; blocks: Array<{ status: string; parts: Array<{ op: string; text: string }> }> }
    expect(body.from.number).toBe(1)
    expect(body.to.number).toBe(2)
    expect(body.blocks.map((b) => b.status)).toEqual(['equal', 'changed', 'deleted', 'inserted'])
    const edited = body.blocks[1]!
    expect(edited.parts.filter((p) => p.op === 'delete').map((p) => p.text)).toEqual(['Die Stadt'])
    expect(edited.parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['Das Land', 'sofort'])
  })

  it('validates the version numbers', async () => {
    const id = newPosition()
    expect((await t.client.as(member).get(`/api/positions/${id}/diff?from=x&to=1`)).status).toBe(400)
    expect((await t.client.as(member).get(`/api/positions/${id}/diff?from=1&to=2`)).status).toBe(404)
  })
})

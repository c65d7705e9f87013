import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { all } from '../../../db/query.ts'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { appendUpdate } from '../../../server/sync/doc.repo.ts'
import { DRAFT_FRAGMENT, loadDocFromDb } from '../../../server/sync/load-doc.ts'
import type { CommentsJson } from '../../../shared/comments/comment-json.ts'
import { addToGroup, addToInitiative, buildGroup, buildInitiative, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { writeDraft } from '../../support/drafts.ts'
import { testApp, type TestApp, type TestClient } from '../../support/test-app.ts'

let t: TestApp
let groupId: string
const as: Record<string, TestClient> = {}
const ids: Record<string, string> = {}

const TEXT = 'Wir fordern bezahlbaren Wohnraum für alle.'
// ProseMirror positions of "bezahlbaren Wohnraum": the paragraph opens at 0, its text starts at 1.
const PASSAGE = { from: 13, to: 33 }

beforeAll(async () => {
  t = await testApp()
  groupId = buildGroup(t.db).id
  const x = buildInitiative(t.db).id
  const people = {
    writer: () => addToGroup(t.db, groupId, ids.writer!),
    coordinator: () => addToGroup(t.db, groupId, ids.coordinator!, true),
    delegate: () => addToInitiative(t.db, x, ids.delegate!, 'delegate'),
    member: () => addToInitiative(t.db, x, ids.member!, 'member'),
    outsider: () => {},
  }
  for (const [role, join] of Object.entries(people)) {
    ids[role] = buildPerson(t.db, { name: `${role[0]!.toUpperCase()}${role.slice(1)} Muster` }).id
    join()
    as[role] = t.client.as(sessionCookie(t.db, ids[role]!, t.clock.now()))
  }
})
afterAll(() => t.close())

function draftPosition(): string {
  const p = buildPosition(t.db, { groupId })
  writeDraft(t.db, p.id, [TEXT, 'Zweiter Absatz.'])
  return p.id
}

async function list(client: TestClient, positionId: string): Promise<CommentsJson> {
  const res = await client.get(`/api/positions/${positionId}/comments`)
  expect(res.status).toBe(200)
  return (await res.json()) as CommentsJson
}

async function comment(client: TestClient, positionId: string, body: string, anchor: object = PASSAGE): Promise<string> {
  const res = await client.post(`/api/positions/${positionId}/comments`, { body, anchor })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

/** Types into the stored draft as a collaborator would: one update appended to the log. */
function typeInto(positionId: string, block: number, index: number, text: string | null, deleteCount = 0): void {
  const { doc } = loadDocFromDb(t.db, positionId)
  const before = Y.encodeStateVector(doc)
  const yText = (doc.getXmlFragment(DRAFT_FRAGMENT).get(block) as Y.XmlElement).get(0) as Y.XmlText
  if (deleteCount) yText.delete(index, deleteCount)
  if (text) yText.insert(index, text)
  appendUpdate(t.db, positionId, Y.encodeStateAsUpdate(doc, before))
  doc.destroy()
}

describe('comments on a draft passage', () => {
  it('are written by a group member and read with author, quote and where the passage stands', async () => {
    const p = draftPosition()
    const id = await comment(as.writer!, p, 'Was heißt bezahlbar?')
    const { comments, canWrite } = await list(as.outsider!, p)
    expect(canWrite).toBe(false)
    expect(comments).toEqual([
      expect.objectContaining({
        id,
        body: 'Was heißt bezahlbar?',
        author: { id: ids.writer, name: 'Writer Muster' },
        quote: 'bezahlbaren Wohnraum',
        anchor: PASSAGE,
        orphaned: false,
        resolved: false,
        createdAt: new Date(t.clock.now()).toISOString(),
        replies: [],
      }),
    ])
    expect(auditEventsFor(t.db, 'comment', id).map((e) => e.action)).toEqual(['comment.create'])
  })

  it('follow their words while others type before and inside, and keep the old quote once the passage is deleted', async () => {
    const p = draftPosition()
    await comment(as.writer!, p, 'Anmerkung')
    typeInto(p, 0, 0, 'Kurz: ')
    let [c] = (await list(as.writer!, p)).comments
    expect(c).toMatchObject({ quote: 'bezahlbaren Wohnraum', anchor: { from: 19, to: 39 }, orphaned: false })
    typeInto(p, 0, 'Kurz: Wir fordern bezahlbaren'.length, ' und sicheren')
    ;[c] = (await list(as.writer!, p)).comments
    expect(c).toMatchObject({ quote: 'bezahlbaren und sicheren Wohnraum', orphaned: false })
    typeInto(p, 0, 'Kurz: Wir fordern '.length, null, 'bezahlbaren und sicheren Wohnraum'.length)
    ;[c] = (await list(as.writer!, p)).comments
    expect(c).toMatchObject({ quote: 'bezahlbaren Wohnraum', anchor: null, orphaned: true })
  })

  it('are listed in the order of the text, not of writing', async () => {
    const p = draftPosition()
    await comment(as.writer!, p, 'zum zweiten Absatz', { from: TEXT.length + 3, to: TEXT.length + 10 })
    await comment(as.writer!, p, 'zum ersten', { from: 1, to: 4 })
    expect((await list(as.writer!, p)).comments.map((c) => c.quote)).toEqual(['Wir', 'Zweiter'])
  })

  it('may be written by delegates and members of a member initiative, not by a person without either', async () => {
    const p = draftPosition()
    await comment(as.delegate!, p, 'Delegierte')
    await comment(as.member!, p, 'Mitglied')
    const res = await as.outsider!.post(`/api/positions/${p}/comments`, { body: 'Hallo', anchor: PASSAGE })
    expect(res.status).toBe(403)
    expect(await t.client.get(`/api/positions/${p}/comments`).then((r) => r.status)).toBe(401)
  })

  it('refuse an empty or too long text, a range outside the draft and unknown fields with a 400 naming the field', async () => {
    const p = draftPosition()
    const cases: Array<[object, string]> = [
      [{ body: '   ', anchor: PASSAGE }, 'body'],
      [{ body: 'x'.repeat(4001), anchor: PASSAGE }, 'body'],
      [{ body: 'Hallo', anchor: { from: 5, to: 5000 } }, 'anchor'],
      [{ body: 'Hallo', anchor: { from: 5, to: 2 } }, 'anchor'],
      [{ body: 'Hallo', anchor: PASSAGE, extra: 1 }, 'extra'],
    ]
    for (const [body, field] of cases) {
      const res = await as.writer!.post(`/api/positions/${p}/comments`, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'validation', field } })
    }
    expect((await as.writer!.post(`/api/positions/nope/comments`, { body: 'x', anchor: PASSAGE })).status).toBe(404)
  })
})

describe('threads', () => {
  it('take replies from everyone who may comment, in order', async () => {
    const p = draftPosition()
    const id = await comment(as.writer!, p, 'Frage')
    t.clock.advance(1000)
    expect((await as.delegate!.post(`/api/comments/${id}/replies`, { body: 'Antwort 1' })).status).toBe(201)
    t.clock.advance(1000)
    expect((await as.member!.post(`/api/comments/${id}/replies`, { body: 'Antwort 2' })).status).toBe(201)
    expect((await as.outsider!.post(`/api/comments/${id}/replies`, { body: 'Ich auch' })).status).toBe(403)
    const [c] = (await list(as.writer!, p)).comments
    expect(c!.replies.map((r) => [r.body, r.author?.name])).toEqual([
      ['Antwort 1', 'Delegate Muster'],
      ['Antwort 2', 'Member Muster'],
    ])
  })

  it('are resolved and reopened by their author or the coordination, nobody else', async () => {
    const p = draftPosition()
    const id = await comment(as.delegate!, p, 'Frage')
    expect((await as.writer!.post(`/api/comments/${id}/resolve`)).status).toBe(403)
    expect((await as.coordinator!.post(`/api/comments/${id}/resolve`)).status).toBe(200)
    let [c] = (await list(as.writer!, p)).comments
    expect(c).toMatchObject({ resolved: true, resolvedBy: { id: ids.coordinator, name: 'Coordinator Muster' } })
    expect((await as.delegate!.post(`/api/comments/${id}/reopen`)).status).toBe(200)
    ;[c] = (await list(as.writer!, p)).comments
    expect(c).toMatchObject({ resolved: false, resolvedBy: null })
    expect(auditEventsFor(t.db, 'comment', id).map((e) => e.action)).toEqual(['comment.create', 'comment.resolve', 'comment.reopen'])
  })

  it('let authors edit their own text (the earlier one kept) and delete it, leaving a deleted mark', async () => {
    const p = draftPosition()
    const id = await comment(as.writer!, p, 'Erste Fassung')
    const reply = (await (await as.delegate!.post(`/api/comments/${id}/replies`, { body: 'Antwort' })).json()) as { id: string }
    expect((await as.delegate!.patch(`/api/comments/${id}`, { body: 'fremd' })).status).toBe(403)
    expect((await as.writer!.patch(`/api/comments/${id}`, { body: 'Zweite Fassung' })).status).toBe(200)
    expect((await as.writer!.delete(`/api/comments/${reply.id}`)).status).toBe(403)
    expect((await as.delegate!.delete(`/api/comments/${reply.id}`)).status).toBe(200)
    const [c] = (await list(as.writer!, p)).comments
    expect(c).toMatchObject({ body: 'Zweite Fassung', editedAt: expect.any(String), canEdit: true })
    expect(c!.replies).toEqual([expect.objectContaining({ id: reply.id, body: '', deleted: true, canEdit: false })])
    const record = all(t.db, t.db.q.selectFrom('comment_edits').select(['comment_id', 'body']).orderBy('id'))
    expect(record).toEqual(
      expect.arrayContaining([
        { comment_id: id, body: 'Erste Fassung' },
        { comment_id: reply.id, body: 'Antwort' },
      ]),
    )
    expect((await as.delegate!.patch(`/api/comments/${reply.id}`, { body: 'zurück' })).status).toBe(409)
  })

  it('record the people mentioned with @Name, for their notification', async () => {
    const p = draftPosition()
    const id = await comment(as.writer!, p, '@Delegate Muster und @member muster, was meint ihr?')
    const mentioned = all(t.db, t.db.q.selectFrom('comment_mentions').select('person_id').where('comment_id', '=', id))
    expect(mentioned.map((m) => m.person_id).sort()).toEqual([ids.delegate, ids.member].sort())
  })
})

describe('comments on a draft that is not being written', () => {
  it('are refused with 409 while the draft is locked for a round: they go on the version then', async () => {
    const p = buildPosition(t.db, { groupId, status: 'in_round', readonly: true })
    writeDraft(t.db, p.id, [TEXT])
    const res = await as.writer!.post(`/api/positions/${p.id}/comments`, { body: 'Hallo', anchor: PASSAGE })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_state' } })
  })
})

describe('comments on a frozen version', () => {
  it('anchor to a range of the version text and stay there while the draft changes', async () => {
    const p = draftPosition()
    const frozen = await as.coordinator!.post(`/api/positions/${p}/versions`)
    expect(frozen.status).toBe(201)
    const id = await comment(as.delegate!, p, 'Einwand hierzu', { versionNumber: 1, ...PASSAGE })
    typeInto(p, 0, 0, 'Neu: ')
    const { comments } = await list(as.writer!, p)
    expect(comments.find((c) => c.id === id)).toMatchObject({ quote: 'bezahlbaren Wohnraum', anchor: { versionNumber: 1, ...PASSAGE }, orphaned: false })
    const onlyVersion = (await (await as.writer!.get(`/api/positions/${p}/comments?version=1`)).json()) as CommentsJson
    expect(onlyVersion.comments.map((c) => c.id)).toEqual([id])
    expect((await as.delegate!.post(`/api/positions/${p}/comments`, { body: 'x', anchor: { versionNumber: 2, ...PASSAGE } })).status).toBe(404)
  })
})

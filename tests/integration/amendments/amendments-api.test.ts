import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import type { AmendmentJson } from '../../../server/amendments/present-amendment.ts'
import { appendUpdate } from '../../../server/sync/doc.repo.ts'
import { DRAFT_FRAGMENT, loadDocFromDb } from '../../../server/sync/load-doc.ts'
import { draftText } from '../../support/yjs-client.ts'
import { addToGroup, addToInitiative, buildGroup, buildInitiative, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { writeDraft } from '../../support/drafts.ts'
import { testApp, type TestApp, type TestClient } from '../../support/test-app.ts'

let t: TestApp
let groupId: string
const as: Record<string, TestClient> = {}
const ids: Record<string, string> = {}

const FIRST = 'Wir fordern bezahlbaren Wohnraum für alle.'
const SECOND = 'Sprachkurse ab dem ersten Tag.'
// "bezahlbaren Wohnraum": the paragraph opens at 0, its text starts at 1.
const PASSAGE = { from: 13, to: 33 }

beforeAll(async () => {
  t = await testApp()
  groupId = buildGroup(t.db).id
  ids.x = buildInitiative(t.db, { name: 'Initiative X' }).id
  ids.y = buildInitiative(t.db, { name: 'Initiative Y' }).id
  const people = {
    coordinator: () => addToGroup(t.db, groupId, ids.coordinator!, true),
    writer: () => addToGroup(t.db, groupId, ids.writer!),
    delegateX: () => addToInitiative(t.db, ids.x!, ids.delegateX!, 'delegate'),
    colleagueX: () => addToInitiative(t.db, ids.x!, ids.colleagueX!, 'delegate'),
    delegateY: () => addToInitiative(t.db, ids.y!, ids.delegateY!, 'delegate'),
    member: () => addToInitiative(t.db, ids.x!, ids.member!, 'member'),
    outsider: () => {},
  }
  for (const [role, join] of Object.entries(people)) {
    ids[role] = buildPerson(t.db, { name: `${role[0]!.toUpperCase()}${role.slice(1)} Muster` }).id
    join()
    as[role] = t.client.as(sessionCookie(t.db, ids[role]!, t.clock.now()))
  }
})
afterAll(() => t.close())

/** A position in drafting with version 1 frozen from its draft. */
async function positionWithVersion(blocks: string[] = [FIRST, SECOND]): Promise<string> {
  const p = buildPosition(t.db, { groupId, createdBy: ids.coordinator }).id
  writeDraft(t.db, p, blocks)
  const res = await as.coordinator!.post(`/api/positions/${p}/versions`, {})
  expect(res.status, await res.clone().text()).toBe(201)
  return p
}

async function propose(client: TestClient, positionId: string, body: Record<string, unknown> = {}): Promise<{ id: string; number: number; status: string }> {
  const res = await client.post(`/api/positions/${positionId}/amendments`, { versionNumber: 1, ...PASSAGE, text: 'guten und bezahlbaren Wohnraum', reason: 'Qualität zählt.', ...body })
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as { id: string; number: number; status: string }
}

async function list(positionId: string): Promise<AmendmentJson[]> {
  const res = await as.member!.get(`/api/positions/${positionId}/amendments`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { amendments: AmendmentJson[] }).amendments
}

function storedDraft(positionId: string): string {
  const { doc } = loadDocFromDb(t.db, positionId)
  try {
    return draftText(doc)
  } finally {
    doc.destroy()
  }
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

async function errorOf(res: Response): Promise<{ code: string; field?: string; message: string }> {
  return ((await res.json()) as { error: { code: string; field?: string; message: string } }).error
}

describe('proposing an amendment', () => {
  it('numbers amendments Ä1, Ä2 … and lists them with quote, text, reason, author and initiative', async () => {
    const p = await positionWithVersion()
    const first = await propose(as.delegateX!, p)
    expect(first).toEqual({ id: expect.any(String), number: 1, status: 'open' })
    const second = await propose(as.writer!, p, { from: 38, to: 43, text: '', reason: 'Überflüssig.' })
    expect(second.number).toBe(2)
    const amendments = await list(p)
    expect(amendments).toEqual([
      expect.objectContaining({
        id: first.id,
        number: 1,
        versionNumber: 1,
        quote: 'bezahlbaren Wohnraum',
        text: 'guten und bezahlbaren Wohnraum',
        reason: 'Qualität zählt.',
        author: { id: ids.delegateX, name: 'DelegateX Muster' },
        initiative: { id: ids.x, name: 'Initiative X' },
        supporters: [],
        status: 'open',
      }),
      expect.objectContaining({ number: 2, quote: 'alle.', text: '', content: [], author: { id: ids.writer, name: 'Writer Muster' }, initiative: null }),
    ])
    expect(auditEventsFor(t.db, 'amendment', first.id)).toEqual([
      expect.objectContaining({ action: 'amendment.propose', actor_id: ids.delegateX }),
    ])
  })

  it('takes rich text as a ProseMirror fragment', async () => {
    const p = await positionWithVersion()
    const { id } = await propose(as.delegateY!, p, {
      text: undefined,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'fairen', marks: [{ type: 'bold' }] }, { type: 'text', text: ' Wohnraum' }] }],
    })
    expect((await list(p)).find((a) => a.id === id)).toMatchObject({ text: 'fairen Wohnraum', content: [expect.objectContaining({ type: 'paragraph' })] })
  })

  it('is refused to people outside the group and the initiatives, and to plain members', async () => {
    const p = await positionWithVersion()
    for (const who of ['outsider', 'member']) {
      const res = await as[who]!.post(`/api/positions/${p}/amendments`, { versionNumber: 1, ...PASSAGE, text: 'x', reason: 'y' })
      expect(res.status, who).toBe(403)
    }
  })

  it('refuses bad ranges, an unknown version, missing text and unknown content with clear codes', async () => {
    const p = await positionWithVersion()
    const post = (body: Record<string, unknown>) => as.writer!.post(`/api/positions/${p}/amendments`, { versionNumber: 1, ...PASSAGE, text: 'x', reason: 'Grund', ...body })
    const cases: Array<[Record<string, unknown>, number, string, string?]> = [
      [{ from: 20, to: 10 }, 400, 'amendment_range', 'from'],
      [{ from: 13, to: 9999 }, 400, 'amendment_range', 'from'],
      [{ from: 0, to: 5 }, 400, 'amendment_range', 'from'],
      [{ versionNumber: 7 }, 404, 'not_found', 'versionNumber'],
      [{ text: undefined }, 400, 'validation', 'text'],
      [{ content: [{ type: 'paragraph' }] }, 400, 'validation', 'text'],
      [{ text: undefined, content: [{ type: 'table' }] }, 400, 'unknown_content'],
      [{ reason: '  ' }, 400, 'validation', 'reason'],
    ]
    for (const [body, status, code, field] of cases) {
      const res = await post(body)
      expect(res.status, JSON.stringify(body)).toBe(status)
      const error = await errorOf(res)
      expect(error.code, JSON.stringify(body)).toBe(code)
      if (field) expect(error.field, JSON.stringify(body)).toBe(field)
      expect(error.message).not.toBe('')
    }
    expect(await list(p)).toEqual([])
  })
})

describe('supporting an amendment', () => {
  it('counts one support per initiative, given and taken back by its delegates', async () => {
    const p = await positionWithVersion()
    const { id } = await propose(as.writer!, p)
    expect((await as.delegateX!.post(`/api/amendments/${id}/support`, {})).status).toBe(200)
    const twice = await as.colleagueX!.post(`/api/amendments/${id}/support`, {})
    expect(twice.status).toBe(409)
    expect((await errorOf(twice)).code).toBe('duplicate')
    expect((await as.delegateY!.post(`/api/amendments/${id}/support`, {})).status).toBe(200)
    expect((await list(p))[0]!.supporters).toEqual([
      { id: ids.x, name: 'Initiative X' },
      { id: ids.y, name: 'Initiative Y' },
    ])
    // A colleague takes the initiative's support back.
    expect((await as.colleagueX!.delete(`/api/amendments/${id}/support`)).status).toBe(200)
    expect((await list(p))[0]!.supporters).toEqual([{ id: ids.y, name: 'Initiative Y' }])
    expect((await as.member!.post(`/api/amendments/${id}/support`, {})).status).toBe(403)
    expect((await as.delegateX!.post(`/api/amendments/${id}/support`, { initiativeId: ids.y })).status).toBe(403)
    expect(auditEventsFor(t.db, 'amendment', id).map((e) => e.action)).toEqual(['amendment.propose', 'amendment.support', 'amendment.support', 'amendment.unsupport'])
  })
})

describe('deciding an amendment', () => {
  it('rejects with a reason, recorded with who decided; a decided amendment cannot be decided again', async () => {
    const p = await positionWithVersion()
    const { id } = await propose(as.delegateX!, p)
    const noReason = await as.coordinator!.post(`/api/amendments/${id}/decision`, { decision: 'reject' })
    expect(noReason.status).toBe(400)
    expect(await errorOf(noReason)).toMatchObject({ code: 'validation', field: 'reason' })
    expect((await as.writer!.post(`/api/amendments/${id}/decision`, { decision: 'reject', reason: 'Nein.' })).status).toBe(403)
    const res = await as.coordinator!.post(`/api/amendments/${id}/decision`, { decision: 'reject', reason: 'Zu teuer.' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'rejected', decision: { by: ids.coordinator, reason: 'Zu teuer.' } })
    for (const decision of ['take_over', 'reject']) {
      const again = await as.coordinator!.post(`/api/amendments/${id}/decision`, { decision, reason: 'x' })
      expect(again.status).toBe(409)
      expect((await errorOf(again)).code).toBe('amendment_decided')
    }
    const support = await as.delegateY!.post(`/api/amendments/${id}/support`, {})
    expect((await errorOf(support)).code).toBe('amendment_decided')
    expect(storedDraft(p)).toBe(`${FIRST}\n${SECOND}`)
    expect(auditEventsFor(t.db, 'amendment', id).map((e) => e.action)).toEqual(['amendment.propose', 'amendment.reject'])
  })

  it('takes over: the replacement goes into the draft, also when text was typed elsewhere since the version', async () => {
    const p = await positionWithVersion()
    const { id } = await propose(as.delegateX!, p)
    typeInto(p, 0, 0, 'Erstens: ')
    typeInto(p, 1, SECOND.length - 1, ', kostenlos')
    const res = await as.coordinator!.post(`/api/amendments/${id}/decision`, { decision: 'take_over' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'merged', decision: { by: ids.coordinator }, mergedAt: expect.any(String) })
    expect(storedDraft(p)).toBe('Erstens: Wir fordern guten und bezahlbaren Wohnraum für alle.\nSprachkurse ab dem ersten Tag, kostenlos.')
    expect(auditEventsFor(t.db, 'amendment', id).map((e) => e.action)).toEqual(['amendment.propose', 'amendment.take_over', 'amendment.merge'])
  })

  it('deletes a passage and splits paragraphs as the replacement says', async () => {
    const p = await positionWithVersion()
    const deletion = await propose(as.writer!, p, { from: 33, to: 42, text: '' })
    const split = await propose(as.writer!, p, { from: 45, to: 56, text: 'Sprachkurse\n\nfür alle' })
    for (const { id } of [deletion, split]) expect((await as.coordinator!.post(`/api/amendments/${id}/decision`, { decision: 'take_over' })).status).toBe(200)
    expect(storedDraft(p)).toBe('Wir fordern bezahlbaren Wohnraum.\nSprachkurse\nfür alle ab dem ersten Tag.')
  })

  it('stops with a conflict when the passage was changed in the draft, and other amendments still merge', async () => {
    const p = await positionWithVersion()
    const a1 = await propose(as.delegateX!, p)
    const a2 = await propose(as.delegateY!, p, { from: 45, to: 56, text: 'Deutschkurse' })
    // Right before the passage is outside it; inside it is a change.
    typeInto(p, 0, 12, 'wirklich ')
    typeInto(p, 0, 32, ' und guten')
    const first = await as.coordinator!.post(`/api/amendments/${a1.id}/decision`, { decision: 'take_over' })
    expect(await first.json()).toMatchObject({ status: 'conflict', mergeNote: 'changed' })
    const second = await as.coordinator!.post(`/api/amendments/${a2.id}/decision`, { decision: 'take_over' })
    expect(await second.json()).toMatchObject({ status: 'merged' })
    expect(storedDraft(p)).toBe('Wir fordern wirklich bezahlbaren und guten Wohnraum für alle.\nDeutschkurse ab dem ersten Tag.')
    expect(auditEventsFor(t.db, 'amendment', a1.id).map((e) => e.action)).toEqual(['amendment.propose', 'amendment.take_over', 'amendment.conflict'])
    // Resolved by hand: the coordinator puts the passage back and merges again.
    typeInto(p, 0, 32, null, ' und guten'.length)
    const again = await as.coordinator!.post(`/api/amendments/${a1.id}/merge`, {})
    expect(await again.json()).toMatchObject({ status: 'merged', mergeNote: null })
    expect(storedDraft(p)).toBe('Wir fordern wirklich guten und bezahlbaren Wohnraum für alle.\nDeutschkurse ab dem ersten Tag.')
  })

  it('waits while a round makes the draft read-only', async () => {
    const p = await positionWithVersion()
    const { id } = await propose(as.delegateX!, p)
    t.db.sqlite.prepare('update positions set draft_readonly = 1 where id = ?').run(p)
    const res = await as.coordinator!.post(`/api/amendments/${id}/decision`, { decision: 'take_over' })
    expect(await res.json()).toMatchObject({ status: 'taken_over', mergeNote: 'waiting' })
    expect(storedDraft(p)).toBe(`${FIRST}\n${SECOND}`)
    t.db.sqlite.prepare('update positions set draft_readonly = 0 where id = ?').run(p)
    expect(await (await as.coordinator!.post(`/api/amendments/${id}/merge`, {})).json()).toMatchObject({ status: 'merged' })
  })
})

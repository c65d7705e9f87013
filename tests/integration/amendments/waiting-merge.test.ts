import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import type { AmendmentJson } from '../../../server/amendments/present-amendment.ts'
import { closeDueRounds } from '../../../server/rounds/close-round.ts'
import { loadDocFromDb } from '../../../server/sync/load-doc.ts'
import { buildRoundWorld, DAY, openRoundVia, type RoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'
import { draftText } from '../../support/yjs-client.ts'

let t: TestApp

beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const TEXT = 'Wir fordern bezahlbaren Wohnraum für alle.'
const BEZAHLBAR = { from: 13, to: 24 } // "bezahlbaren"
const WOHNRAUM = { from: 13, to: 33 } // "bezahlbaren Wohnraum" (overlaps BEZAHLBAR)
const ALLE = { from: 38, to: 43 } // "alle."

/** Three initiatives of weight 1 (one delegate each), a coordinator, a position with version 1 of TEXT. */
async function world(): Promise<RoundWorld> {
  t.db.sqlite.prepare('update initiatives set active = 0').run()
  const w = buildRoundWorld(t, { weights: [1, 1, 1], draft: [TEXT] })
  expect((await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})).status).toBe(201)
  return w
}

async function propose(w: RoundWorld, range: { from: number; to: number }, text: string, versionNumber = 1): Promise<string> {
  const res = await w.delegates[0]!.client.post(`/api/positions/${w.positionId}/amendments`, { versionNumber, ...range, text, reason: 'Besser so.' })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

async function takeOver(w: RoundWorld, id: string): Promise<AmendmentJson> {
  const res = await w.coordinator.post(`/api/amendments/${id}/decision`, { decision: 'take_over' })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as AmendmentJson
}

async function amendments(w: RoundWorld): Promise<Record<string, AmendmentJson>> {
  const res = await w.coordinator.get(`/api/positions/${w.positionId}/amendments`)
  return Object.fromEntries(((await res.json()) as { amendments: AmendmentJson[] }).amendments.map((a) => [a.id, a]))
}

function draft(positionId: string): string {
  const { doc } = loadDocFromDb(t.db, positionId)
  try {
    return draftText(doc)
  } finally {
    doc.destroy()
  }
}

function answer(w: RoundWorld, roundId: string, choice: string, delegates = [0, 1, 2]): Promise<unknown> {
  return Promise.all(
    delegates.map(async (d) => {
      const res = await w.delegates[d]!.client.put(`/api/rounds/${roundId}/ballot`, { choice, ...(choice === 'objection' ? { reason: 'So nicht.' } : {}) })
      expect(res.status, await res.clone().text()).toBe(200)
    }),
  )
}

async function page(w: RoundWorld): Promise<string> {
  return (await w.coordinator.get(`/positions/${w.positionId}/amendments`)).text()
}

async function conflictNotices(w: RoundWorld): Promise<Array<{ kind: string; title: string; url: string }>> {
  const list = (await (await w.coordinator.get('/api/me/notifications')).json()) as { notifications: Array<{ kind: string; title: string; url: string }> }
  return list.notifications.filter((n) => n.kind === 'amendment_conflict')
}

describe('an amendment taken over while a round runs on the text', () => {
  it('waits, and is merged into the draft as soon as the round is cancelled', async () => {
    const w = await world()
    const a1 = await propose(w, BEZAHLBAR, 'guten')
    const roundId = await openRoundVia(t, w)
    expect(await takeOver(w, a1)).toMatchObject({ status: 'taken_over', mergeNote: 'waiting' })
    expect(draft(w.positionId)).toBe(TEXT)
    const WAITING = 'Wird eingearbeitet, sobald der Entwurf wieder bearbeitet werden kann.'
    expect(await page(w)).toContain(WAITING)

    const cancel = await w.coordinator.post(`/api/rounds/${roundId}/cancel`, { reason: 'Erst die Änderungsanträge.' })
    expect(cancel.status, await cancel.clone().text()).toBe(200)
    expect((await amendments(w))[a1]).toMatchObject({ status: 'merged', mergeNote: null, mergedAt: expect.any(String) })
    expect(draft(w.positionId)).toBe('Wir fordern guten Wohnraum für alle.')
    expect(await page(w)).not.toContain(WAITING)
    const merge = auditEventsFor(t.db, 'amendment', a1).find((e) => e.action === 'amendment.merge')
    expect(JSON.parse(merge!.data)).toMatchObject({ automatic: true, number: 1 })
  })

  it('is merged when the round closes without adoption, by the coordinator or at its deadline', async () => {
    for (const closer of ['coordinator', 'deadline'] as const) {
      const w = await world()
      const a1 = await propose(w, ALLE, 'alle Menschen.')
      const roundId = await openRoundVia(t, w, { closesAt: new Date(t.clock.now() + 2 * DAY).toISOString() })
      await answer(w, roundId, 'objection', [0])
      await answer(w, roundId, 'consent', [1])
      expect((await takeOver(w, a1)).mergeNote).toBe('waiting')
      if (closer === 'coordinator') {
        expect(await (await w.coordinator.post(`/api/rounds/${roundId}/close`, {})).json()).toMatchObject({ result: { outcome: 'rejected' } })
      } else {
        t.clock.advance(2 * DAY)
        expect(closeDueRounds(t.deps)).toBe(1)
      }
      expect((await amendments(w))[a1], closer).toMatchObject({ status: 'merged' })
      expect(draft(w.positionId), closer).toBe('Wir fordern bezahlbaren Wohnraum für alle Menschen.')
    }
  })

  it('keeps waiting when the round adopts the text: the adopted version stays as it was decided', async () => {
    const w = await world()
    const a1 = await propose(w, ALLE, 'alle Menschen.')
    const roundId = await openRoundVia(t, w)
    await answer(w, roundId, 'consent')
    await takeOver(w, a1)
    expect(await (await w.coordinator.post(`/api/rounds/${roundId}/close`, {})).json()).toMatchObject({ result: { outcome: 'adopted' } })
    expect((await amendments(w))[a1]).toMatchObject({ status: 'taken_over', mergeNote: 'waiting' })
    expect(draft(w.positionId)).toBe(TEXT)
  })

  it('merges several in number order; one whose passage an earlier one changed is a conflict, told to the coordinators', async () => {
    const w = await world()
    const a1 = await propose(w, WOHNRAUM, 'guten Wohnraum')
    const a2 = await propose(w, BEZAHLBAR, 'günstigen')
    const a3 = await propose(w, ALLE, 'alle Menschen.')
    const roundId = await openRoundVia(t, w)
    // Taken over in reverse order: the merge still goes by number.
    for (const id of [a3, a2, a1]) expect((await takeOver(w, id)).mergeNote).toBe('waiting')
    expect(await conflictNotices(w)).toEqual([])
    expect((await w.coordinator.post(`/api/rounds/${roundId}/cancel`, { reason: 'Neu.' })).status).toBe(200)

    const after = await amendments(w)
    expect([after[a1]!.status, after[a2]!.status, after[a3]!.status]).toEqual(['merged', 'conflict', 'merged'])
    expect(after[a2]!.mergeNote).toBe('changed')
    expect(await page(w)).toMatch(/Ä2 <span class="muted">zu Fassung 1<\/span>[\s\S]*Die Stelle wurde im Entwurf seit Fassung 1 geändert; bitte von Hand einarbeiten\./)
    expect(draft(w.positionId)).toBe('Wir fordern guten Wohnraum für alle Menschen.')
    const mergedAt = (id: string) => auditEventsFor(t.db, 'amendment', id).find((e) => e.action === 'amendment.merge')!.id
    expect(mergedAt(a1)).toBeLessThan(mergedAt(a3))
    expect(auditEventsFor(t.db, 'amendment', a2).map((e) => e.action)).toEqual(['amendment.propose', 'amendment.take_over', 'amendment.conflict'])

    // The coordinator is told, in the app and by mail, with a link to the amendment.
    const notices = await conflictNotices(w)
    expect(notices).toEqual([expect.objectContaining({ title: expect.stringContaining('Ä2'), url: `/positions/${w.positionId}/amendments#a-2` })])
    const mails = t.db.sqlite.prepare("select subject, text_body from mail_outbox where kind = 'amendment_conflict' and person_id = ?").all(w.coordinatorId) as Array<{ subject: string; text_body: string }>
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text_body).toContain('Erneut einarbeiten')
    // Delegates are not told: resolving it is the coordination's work.
    const delegateList = (await (await w.delegates[0]!.client.get('/api/me/notifications')).json()) as { notifications: Array<{ kind: string }> }
    expect(delegateList.notifications.filter((n) => n.kind === 'amendment_conflict')).toEqual([])
  })
})

describe('an amendment adopted in an amendment round', () => {
  it('is merged when the amendment round closes, and waits for a round on the text that runs meanwhile', async () => {
    const w = await world()
    const a1 = await propose(w, ALLE, 'alle Menschen.')
    const open = await w.coordinator.post(`/api/positions/${w.positionId}/rounds`, {
      kind: 'amendments',
      amendmentIds: [a1],
      quorum: 0.5,
      closesAt: new Date(t.clock.now() + 3 * DAY).toISOString(),
    })
    expect(open.status, await open.clone().text()).toBe(201)
    const amendmentRound = ((await open.json()) as { id: string }).id
    for (const d of [0, 1]) expect((await w.delegates[d]!.client.put(`/api/rounds/${amendmentRound}/ballot`, { choices: { [a1]: 'yes' } })).status).toBe(200)
    // Meanwhile a consent round on version 1 makes the draft read-only.
    const consent = await openRoundVia(t, w)
    expect((await w.coordinator.post(`/api/rounds/${amendmentRound}/close`, {})).status).toBe(200)
    expect((await amendments(w))[a1]).toMatchObject({ status: 'adopted', mergeNote: 'waiting' })
    expect(draft(w.positionId)).toBe(TEXT)

    await answer(w, consent, 'objection', [1])
    await answer(w, consent, 'consent', [2])
    expect((await w.coordinator.post(`/api/rounds/${consent}/close`, {})).status).toBe(200)
    expect((await amendments(w))[a1]).toMatchObject({ status: 'merged' })
    expect(draft(w.positionId)).toBe('Wir fordern bezahlbaren Wohnraum für alle Menschen.')
  })
})

describe('amendments on an older version', () => {
  it('stay on their version after the next one is frozen, say so, and still map into the draft', async () => {
    const w = await world()
    const old = await propose(w, BEZAHLBAR, 'guten')
    // The draft changes elsewhere and version 2 is frozen.
    const typed = await propose(w, ALLE, 'alle Menschen.')
    await takeOver(w, typed)
    expect((await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})).status).toBe(201)
    const listed = await amendments(w)
    expect(listed[old]).toMatchObject({ versionNumber: 1, status: 'open', quote: 'bezahlbaren' })
    const page = await (await w.coordinator.get(`/positions/${w.positionId}/amendments`)).text()
    expect(page).toMatch(/Ä1 <span class="muted">zu Fassung 1<\/span>/)
    expect(await takeOver(w, old)).toMatchObject({ status: 'merged' })
    expect(draft(w.positionId)).toBe('Wir fordern guten Wohnraum für alle Menschen.')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { AmendmentJson } from '../../../server/amendments/present-amendment.ts'
import { appendUpdate } from '../../../server/sync/doc.repo.ts'
import { DRAFT_FRAGMENT, loadDocFromDb } from '../../../server/sync/load-doc.ts'
import { buildRoundWorld, DAY, type RoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'
import { draftText } from '../../support/yjs-client.ts'

let t: TestApp

beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const TEXT = 'Wir fordern bezahlbaren Wohnraum für alle.'
const PREFIX = 'Zuerst und vor allem anderen: '
const BEZAHLBAR_V1 = { versionNumber: 1, from: 13, to: 24 } // "bezahlbaren" in version 1
const WOHNRAUM_V2 = { versionNumber: 2, from: 13 + PREFIX.length, to: 33 + PREFIX.length } // "bezahlbaren Wohnraum" in version 2
const SAME_NUMBERS_V2 = { versionNumber: 2, from: 13, to: 24 } // "or allem and" in version 2: other words

/** Version 1 of TEXT; then words typed in front of it and version 2 frozen: every position moved. */
async function world(): Promise<RoundWorld> {
  t.db.sqlite.prepare('update initiatives set active = 0').run()
  const w = buildRoundWorld(t, { weights: [1, 1, 1], draft: [TEXT] })
  expect((await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})).status).toBe(201)
  const { doc } = loadDocFromDb(t.db, w.positionId)
  const before = Y.encodeStateVector(doc)
  ;((doc.getXmlFragment(DRAFT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, PREFIX)
  appendUpdate(t.db, w.positionId, Y.encodeStateAsUpdate(doc, before))
  doc.destroy()
  expect((await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})).status).toBe(201)
  return w
}

async function propose(w: RoundWorld, passage: { versionNumber: number; from: number; to: number }, text: string): Promise<string> {
  const res = await w.delegates[0]!.client.post(`/api/positions/${w.positionId}/amendments`, { ...passage, text, reason: 'Besser so.' })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

function openRound(w: RoundWorld, amendmentIds: string[], ordered = false): Promise<Response> {
  return w.coordinator.post(`/api/positions/${w.positionId}/rounds`, {
    kind: 'amendments',
    amendmentIds,
    ordered,
    quorum: 0.5,
    closesAt: new Date(t.clock.now() + 3 * DAY).toISOString(),
  })
}

function draft(positionId: string): string {
  const { doc } = loadDocFromDb(t.db, positionId)
  try {
    return draftText(doc)
  } finally {
    doc.destroy()
  }
}

describe('overlapping amendments on different versions in one round', () => {
  it('are compared where they will be merged: in the draft, not by their positions in two different texts', async () => {
    const w = await world()
    const old = await propose(w, BEZAHLBAR_V1, 'guten')
    const overlapping = await propose(w, WOHNRAUM_V2, 'sicheren Wohnraum')
    const elsewhere = await propose(w, SAME_NUMBERS_V2, 'vor allem')

    const refused = await openRound(w, [old, overlapping])
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ error: { code: 'amendments_overlap', field: 'ordered', message: expect.stringContaining('Ä1 und Ä2') } })
    // Same numbers, other words: no overlap.
    expect((await openRound(w, [old, elsewhere])).status).toBe(201)
  })

  it('when ordered, merge the first adopted and make the later one obsolete', async () => {
    const w = await world()
    const old = await propose(w, BEZAHLBAR_V1, 'guten')
    const newer = await propose(w, WOHNRAUM_V2, 'sicheren Wohnraum')
    const res = await openRound(w, [newer, old], true)
    expect(res.status, await res.clone().text()).toBe(201)
    const roundId = ((await res.json()) as { id: string }).id
    for (const d of w.delegates) expect((await d.client.put(`/api/rounds/${roundId}/ballot`, { choices: { [old]: 'yes', [newer]: 'yes' } })).status).toBe(200)
    expect((await w.coordinator.post(`/api/rounds/${roundId}/close`, {})).status).toBe(200)
    const listed = ((await (await w.coordinator.get(`/api/positions/${w.positionId}/amendments`)).json()) as { amendments: AmendmentJson[] }).amendments
    expect(listed.map((a) => [a.number, a.versionNumber, a.status, a.obsoletedBy])).toEqual([
      [1, 1, 'obsolete', newer],
      [2, 2, 'merged', null],
    ])
    expect(draft(w.positionId)).toBe(`${PREFIX}Wir fordern sicheren Wohnraum für alle.`)
  })
})

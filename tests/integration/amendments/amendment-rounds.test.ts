import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import type { AmendmentRoundJson } from '../../../server/amendments/read-amendment-round.ts'
import type { AmendmentJson } from '../../../server/amendments/present-amendment.ts'
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
// ProseMirror ranges in TEXT (the paragraph opens at 0).
const BEZAHLBAR = { from: 13, to: 24 } // "bezahlbaren"
const WOHNRAUM = { from: 13, to: 33 } // "bezahlbaren Wohnraum" (overlaps BEZAHLBAR)
const ALLE = { from: 38, to: 43 } // "alle."

/** Four initiatives weighing 3, 1, 1, 1 (one delegate each) and a position with version 1. */
async function world(): Promise<RoundWorld> {
  // Only this world's initiatives vote (the electorate is every active initiative).
  t.db.sqlite.prepare('update initiatives set active = 0').run()
  const w = buildRoundWorld(t, { weights: [3, 1, 1, 1], draft: [TEXT] })
  expect((await w.coordinator.post(`/api/positions/${w.positionId}/versions`, {})).status).toBe(201)
  return w
}

async function propose(w: RoundWorld, range: { from: number; to: number }, text: string): Promise<string> {
  const res = await w.delegates[1]!.client.post(`/api/positions/${w.positionId}/amendments`, { versionNumber: 1, ...range, text, reason: 'Besser so.' })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

function openAmendmentRound(w: RoundWorld, amendmentIds: string[], extra: Record<string, unknown> = {}): Promise<Response> {
  return w.coordinator.post(`/api/positions/${w.positionId}/rounds`, {
    kind: 'amendments',
    amendmentIds,
    quorum: 0.5,
    closesAt: new Date(t.clock.now() + 7 * DAY).toISOString(),
    ...extra,
  })
}

async function opened(w: RoundWorld, amendmentIds: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const res = await openAmendmentRound(w, amendmentIds, extra)
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

function vote(w: RoundWorld, delegate: number, roundId: string, choices: Record<string, string>): Promise<Response> {
  return w.delegates[delegate]!.client.put(`/api/rounds/${roundId}/ballot`, { choices })
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

describe('an amendment round', () => {
  it('tallies each amendment separately by weight, stores the results and merges what was adopted', async () => {
    const w = await world()
    const a1 = await propose(w, BEZAHLBAR, 'guten')
    const a2 = await propose(w, ALLE, 'alle Menschen.')
    const roundId = await opened(w, [a1, a2])

    // Every amendment needs an answer.
    const partial = await vote(w, 0, roundId, { [a1]: 'yes' })
    expect(partial.status).toBe(400)
    expect(await partial.json()).toMatchObject({ error: { code: 'validation', field: 'choices' } })
    // In a round, the coordinator no longer decides it alone; nobody supports it any more.
    const decision = await w.coordinator.post(`/api/amendments/${a1}/decision`, { decision: 'take_over' })
    expect(decision.status).toBe(409)
    expect(await decision.json()).toMatchObject({ error: { code: 'amendment_decided' } })

    // Weight 3 says yes to Ä1 and no to Ä2; two of weight 1 the opposite; the fourth does not vote.
    expect((await vote(w, 0, roundId, { [a1]: 'yes', [a2]: 'no' })).status).toBe(200)
    expect((await vote(w, 1, roundId, { [a1]: 'no', [a2]: 'yes' })).status).toBe(200)
    expect((await vote(w, 2, roundId, { [a1]: 'no', [a2]: 'abstain' })).status).toBe(200)
    // Changing an answer in an open round replaces it.
    expect(await (await vote(w, 2, roundId, { [a1]: 'no', [a2]: 'yes' })).json()).toMatchObject({ changed: true })

    const close = await w.coordinator.post(`/api/rounds/${roundId}/close`, {})
    expect(close.status).toBe(200)
    const round = (await close.json()) as AmendmentRoundJson
    expect(round).toMatchObject({ kind: 'amendments', status: 'closed', voters: { count: 4, weight: 6 }, answered: 3 })
    expect(round.amendments.map((a) => [a.id, a.outcome])).toEqual([
      [a1, 'adopted'],
      [a2, 'rejected'],
    ])
    expect(round.amendments[0]!.result).toMatchObject({
      kind: 'vote',
      majority: 'simple',
      quorumMet: true,
      tally: { yes: { count: 1, weight: 3 }, no: { count: 2, weight: 2 }, abstain: { count: 0, weight: 0 } },
      participation: { count: 3, weight: 5 },
    })
    const after = await amendments(w)
    expect(after[a1]!.status).toBe('merged')
    expect(after[a2]!.status).toBe('refused')
    expect(draft(w.positionId)).toBe('Wir fordern guten Wohnraum für alle.')
    // The position was never in a round: its draft stayed editable.
    expect(((await (await w.coordinator.get(`/api/positions/${w.positionId}`)).json()) as { status: string }).status).toBe('drafting')
    // Results never change: a late ballot is refused, the stored result read again.
    expect((await vote(w, 3, roundId, { [a1]: 'no', [a2]: 'yes' })).status).toBe(409)
    const again = (await (await w.delegates[3]!.client.get(`/api/rounds/${roundId}`)).json()) as AmendmentRoundJson
    expect(again.amendments.map((a) => a.result)).toEqual(round.amendments.map((a) => a.result))
    expect(auditEventsFor(t.db, 'amendment_round', roundId).map((e) => e.action)).toEqual([
      'amendment_round.open',
      'amendment_ballot.cast',
      'amendment_ballot.cast',
      'amendment_ballot.cast',
      'amendment_ballot.change',
      'amendment_round.close',
    ])
  })

  it('refuses amendments without quorum', async () => {
    const w = await world()
    const a1 = await propose(w, BEZAHLBAR, 'guten')
    const roundId = await opened(w, [a1], { quorum: 0.75 })
    // Weight 3 of 6 answered: below 75 %.
    expect((await vote(w, 0, roundId, { [a1]: 'yes' })).status).toBe(200)
    const round = (await (await w.coordinator.post(`/api/rounds/${roundId}/close`, {})).json()) as AmendmentRoundJson
    expect(round.amendments[0]).toMatchObject({ outcome: 'no_quorum', result: { quorumMet: false } })
    expect((await amendments(w))[a1]!.status).toBe('refused')
    expect(draft(w.positionId)).toBe(TEXT)
  })

  it('refuses overlapping amendments in one round unless ordered; then the second is obsolete once the first changed its passage', async () => {
    const w = await world()
    const a1 = await propose(w, WOHNRAUM, 'guten Wohnraum')
    const a2 = await propose(w, BEZAHLBAR, 'günstigen')
    const refused = await openAmendmentRound(w, [a1, a2])
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({ error: { code: 'amendments_overlap', field: 'ordered', message: expect.stringContaining('Ä1 und Ä2') } })
    const roundId = await opened(w, [a1, a2], { ordered: true })
    for (const d of [0, 1, 2, 3]) expect((await vote(w, d, roundId, { [a1]: 'yes', [a2]: 'yes' })).status).toBe(200)
    await w.coordinator.post(`/api/rounds/${roundId}/close`, {})
    const after = await amendments(w)
    expect(after[a1]).toMatchObject({ status: 'merged' })
    expect(after[a2]).toMatchObject({ status: 'obsolete', obsoletedBy: a1 })
    expect(draft(w.positionId)).toBe('Wir fordern guten Wohnraum für alle.')
  })

  it('keeps secret answers final and closes at the deadline, refusing later ballots', async () => {
    const w = await world()
    const a1 = await propose(w, ALLE, 'alle Menschen.')
    const roundId = await opened(w, [a1], { secret: true, closesAt: new Date(t.clock.now() + 2 * DAY).toISOString(), majority: 'two_thirds' })
    for (const d of [0, 1]) expect((await vote(w, d, roundId, { [a1]: 'yes' })).status).toBe(200)
    const second = await vote(w, 0, roundId, { [a1]: 'no' })
    expect(second.status).toBe(409)
    expect(await second.json()).toMatchObject({ error: { code: 'ballot_final' } })
    // Nothing in the secret tables says who answered what.
    expect(t.db.sqlite.prepare('select * from amendment_secret_ballots where round_id = ?').all(roundId)).toEqual([
      expect.not.objectContaining({ voter_key: expect.anything() }),
      expect.not.objectContaining({ voter_key: expect.anything() }),
    ])
    t.clock.advance(2 * DAY)
    const late = await vote(w, 2, roundId, { [a1]: 'no' })
    expect(late.status).toBe(409)
    expect(await late.json()).toMatchObject({ error: { code: 'round_closed' } })
    const round = (await (await w.coordinator.get(`/api/rounds/${roundId}`)).json()) as AmendmentRoundJson
    expect(round).toMatchObject({ status: 'closed', secret: true, amendments: [{ outcome: 'adopted', result: { tally: { yes: { weight: 4 } } } }] })
    expect((await amendments(w))[a1]!.status).toBe('merged')
  })

  it('refuses amendments of another position, decided ones and a bad deadline; rounds on a version still open at the same URL', async () => {
    const other = await world()
    const foreign = await propose(other, ALLE, 'y')
    const w = await world()
    const a1 = await propose(w, ALLE, 'x')
    expect((await openAmendmentRound(w, [foreign])).status).toBe(400)
    expect((await w.coordinator.post(`/api/amendments/${a1}/decision`, { decision: 'reject', reason: 'Nein.' })).status).toBe(200)
    const decided = await openAmendmentRound(w, [a1])
    expect(decided.status).toBe(409)
    expect(await decided.json()).toMatchObject({ error: { code: 'amendment_decided' } })
    const a2 = await propose(w, BEZAHLBAR, 'z')
    expect((await openAmendmentRound(w, [a2], { closesAt: new Date(t.clock.now() - 1000).toISOString() })).status).toBe(400)
    expect((await w.delegates[0]!.client.post(`/api/positions/${w.positionId}/rounds`, { kind: 'amendments', amendmentIds: [a2], quorum: 0.5, closesAt: new Date(t.clock.now() + DAY * 3).toISOString() })).status).toBe(403)
    // A consent round on the version, through the same URL.
    const consent = await openRoundVia(t, w)
    const res = await w.delegates[0]!.client.put(`/api/rounds/${consent}/ballot`, { choice: 'consent' })
    expect(res.status).toBe(200)
  })
})

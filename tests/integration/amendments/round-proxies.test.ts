import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AmendmentRoundJson } from '../../../shared/amendments/amendment-round-json.ts'
import { ALLE, buildAmendmentWorld, openAmendmentRoundRequest, openAmendmentRoundVia, proposeAmendment, voteOnAmendments } from '../../support/amendment-round-world.ts'
import type { RoundWorld } from '../../support/round-world.ts'
import { pageText } from '../../support/page-text.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

/** Initiative 1 (weight 1) hands its vote to the delegate of initiative 0 (weight 3), for every round. */
async function handOn(w: RoundWorld): Promise<string> {
  const [holder, giver] = [w.delegates[0]!, w.delegates[1]!]
  const res = await giver.client.post(`/api/initiatives/${giver.initiativeId}/proxies`, { toPersonId: holder.personId })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

describe('a vote handed on, in an amendment round', () => {
  it('is cast by the holder for the initiative, with its weight, counting toward quorum; its own delegates may not answer', async () => {
    // Weights 3, 1, 1, 1: electorate weight 6, quorum 60 % needs 3.6.
    const w = await buildAmendmentWorld(t)
    const proxyId = await handOn(w)
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const id = await openAmendmentRoundVia(t, w, [a1], { quorum: 0.6 })
    const [holder, giver] = [w.delegates[0]!, w.delegates[1]!]

    const blocked = await voteOnAmendments(w, 1, id, { [a1]: 'no' })
    expect(blocked.status).toBe(409)
    expect(await blocked.json()).toMatchObject({ error: { code: 'proxy_active' } })
    // The holder answers for two initiatives and must say for which.
    const which = await voteOnAmendments(w, 0, id, { [a1]: 'yes' })
    expect(which.status).toBe(400)
    expect(await which.json()).toMatchObject({ error: { field: 'initiativeId' } })
    expect((await voteOnAmendments(w, 0, id, { [a1]: 'yes' }, { initiativeId: holder.initiativeId })).status).toBe(200)
    const own = (await (await holder.client.get(`/api/rounds/${id}`)).json()) as AmendmentRoundJson
    expect(own.myBallots.map((b) => b.voterKey).sort()).toEqual([holder.initiativeId, giver.initiativeId].sort())
    // Weight 3 alone misses the quorum of 3.6 …
    expect(own.answered).toBe(1)
    expect((await voteOnAmendments(w, 0, id, { [a1]: 'yes' }, { initiativeId: giver.initiativeId })).status).toBe(200)
    expect(t.db.sqlite.prepare('select proxy_id, initiative_id from amendment_proxy_uses where round_id = ?').all(id)).toEqual([{ proxy_id: proxyId, initiative_id: giver.initiativeId }])
    // … once the proxy answered, it stands: the initiative's own delegate still may not change it.
    expect((await voteOnAmendments(w, 1, id, { [a1]: 'no' })).status).toBe(409)
    const revoke = await giver.client.delete(`/api/proxies/${proxyId}`)
    expect(revoke.status).toBe(409)
    expect(await revoke.json()).toMatchObject({ error: { code: 'proxy_used' } })
    const page = pageText(await (await giver.client.get(`/rounds/${id}`)).text())
    expect(page).toContain('Die Stimme dieser Initiative ist übertragen.')

    const closed = await w.coordinator.post(`/api/rounds/${id}/close`)
    expect(closed.status).toBe(200)
    const round = (await closed.json()) as AmendmentRoundJson
    // … with the handed-on weight 1 it is 4 of 6: quorum met, adopted.
    expect(round.amendments[0]!.result).toMatchObject({ outcome: 'adopted', quorumMet: true, participation: { weight: 4 }, tally: { yes: { weight: 4 } } })
  })

  it('refuses split votes in words: each initiative answers an amendment with its whole weight', async () => {
    const w = await buildAmendmentWorld(t)
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const open = await openAmendmentRoundRequest(t, w, [a1], { allowSplit: true })
    expect(open.status).toBe(400)
    expect(await open.json()).toMatchObject({ error: { code: 'validation', field: 'allowSplit', message: expect.stringContaining('nicht teilen') } })
    const id = await openAmendmentRoundVia(t, w, [a1])
    const split = await voteOnAmendments(w, 0, id, { [a1]: 'yes' }, { split: { yes: 2, abstain: 1 } })
    expect(split.status).toBe(400)
    expect(await split.json()).toMatchObject({ error: { code: 'validation', field: 'split' } })
  })
})

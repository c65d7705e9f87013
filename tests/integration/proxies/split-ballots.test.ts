import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

const vote = { kind: 'vote', majority: 'simple', allowSplit: true }

describe('split votes', () => {
  it('a round opened with allowSplit says so and takes a split ballot; the result counts the parts and says a split happened', async () => {
    const world = buildRoundWorld(t, { weights: [3, 1, 1] })
    const id = await openRoundVia(t, world, vote)
    const [heavy, light, other] = world.delegates
    const round = (await (await heavy!.client.get(`/api/rounds/${id}`)).json()) as { allowSplit: boolean }
    expect(round.allowSplit).toBe(true)

    const cast = await heavy!.client.put(`/api/rounds/${id}/ballot`, { split: { yes: 2, abstain: 1 } })
    expect(cast.status).toBe(200)
    expect(await cast.json()).toMatchObject({ choice: 'yes', split: { yes: 2, abstain: 1 } })
    await light!.client.put(`/api/rounds/${id}/ballot`, { choice: 'no' })
    await other!.client.put(`/api/rounds/${id}/ballot`, { choice: 'no' })

    const view = (await (await heavy!.client.get(`/api/rounds/${id}`)).json()) as Record<string, unknown>
    expect(view['myBallots']).toEqual([expect.objectContaining({ choice: 'yes', split: { yes: 2, abstain: 1 } })])
    expect(view['answers']).toContainEqual(expect.objectContaining({ weight: 3, split: { yes: 2, abstain: 1 } }))

    const closed = await world.coordinator.post(`/api/rounds/${id}/close`, {})
    const { result } = (await closed.json()) as { result: Record<string, unknown> }
    // yes 2 against no 2: a tie, so a simple majority is missed.
    expect(result).toMatchObject({
      outcome: 'rejected',
      splits: 1,
      tally: { yes: { count: 1, weight: 2 }, no: { count: 2, weight: 2 }, abstain: { count: 1, weight: 1 } },
      participation: { count: 3, weight: 5 },
    })
    const audit = auditEventsFor(t.db, 'round', id).find((e) => e.action === 'ballot.cast' && JSON.parse(e.data).split)
    expect(JSON.parse(audit!.data).split).toEqual({ yes: 2, abstain: 1 })

    const page = await (await world.coordinator.get(`/rounds/${id}`)).text()
    expect(page).toContain('Eine Stimme wurde geteilt.')
    expect(page).toContain('geteilt: Ja 2, Enthaltung 1')
    const csv = await (await world.coordinator.get(`/api/rounds/${id}/result.csv`)).text()
    expect(csv).toContain('yes:2 abstain:1')
  })

  it.each([
    ['parts not adding up to the weight', { yes: 1, abstain: 1 }, 'split_invalid', 400, /ergeben zusammen 2.*3/],
    ['a fraction', { yes: 1.5, no: 1.5 }, 'split_invalid', 400, /ganzen Zahlen/],
    ['a negative part', { yes: 4, no: -1 }, 'split_invalid', 400, /ganzen Zahlen/],
    ['an answer of another kind of round', { yes: 2, objection: 1 }, 'split_invalid', 400, /Antworten dieser Runde/],
  ])('refuses %s with a clear message', async (_name, split, code, status, message) => {
    const world = buildRoundWorld(t, { weights: [3, 1] })
    const id = await openRoundVia(t, world, vote)
    const res = await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { split })
    expect(res.status).toBe(status)
    const body = (await res.json()) as { error: { code: string; field: string; message: string } }
    expect(body.error).toMatchObject({ code, field: 'split' })
    expect(body.error.message).toMatch(message)
  })

  it('refuses a split in a round opened without allowSplit, and a split together with a choice', async () => {
    const world = buildRoundWorld(t, { weights: [3, 1] })
    const id = await openRoundVia(t, world, { kind: 'vote', majority: 'simple' })
    const res = await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { split: { yes: 2, no: 1 } })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'split_not_allowed', field: 'split' } })
    const both = await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'yes', split: { yes: 3 } })
    expect(both.status).toBe(400)
  })

  it('a split with one answer is a plain ballot; an objection part needs a reason', async () => {
    const world = buildRoundWorld(t, { weights: [3, 1] })
    const id = await openRoundVia(t, world, { kind: 'consent', allowSplit: true })
    const plain = await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { split: { consent: 3, concern: 0 } })
    expect(await plain.json()).toMatchObject({ choice: 'consent', split: null })
    const noReason = await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { split: { consent: 2, objection: 1 } })
    expect(noReason.status).toBe(400)
    expect(await noReason.json()).toMatchObject({ error: { code: 'validation', field: 'reason' } })
  })

  it('refuses allowSplit in a round of members (everyone has weight 1)', async () => {
    const world = buildRoundWorld(t, { weights: [3, 1] })
    const res = await world.coordinator.post(`/api/positions/${world.positionId}/rounds`, {
      kind: 'vote',
      electorate: 'members',
      quorum: 0.5,
      allowSplit: true,
      closesAt: new Date(t.clock.now() + 7 * 24 * 3600_000).toISOString(),
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'validation', field: 'allowSplit' } })
  })

  it('in a secret round a split is counted, and only the outcome is shown', async () => {
    const world = buildRoundWorld(t, { weights: [3, 1, 1] })
    const id = await openRoundVia(t, world, { ...vote, visibility: 'secret', secret: undefined })
    await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { split: { yes: 2, no: 1 } })
    await world.delegates[1]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'no' })
    const closed = await world.coordinator.post(`/api/rounds/${id}/close`, {})
    const { result } = (await closed.json()) as { result: Record<string, unknown> }
    expect(result).toMatchObject({ outcome: 'rejected', disclosure: 'outcome', tally: null })
    expect(result).not.toHaveProperty('splits')
  })
})

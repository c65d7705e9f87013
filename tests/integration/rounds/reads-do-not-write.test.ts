import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDueRounds } from '../../../server/rounds/close-round.ts'
import { buildRoundWorld, DAY, openRoundVia, type RoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

// Reads do not write: a round past its deadline reads as ended, with the result it will have,
// while nothing is stored until the deadline job or a write closes it.

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

/** What a close would change: the round and position rows and the audit log. */
function stored(world: RoundWorld, roundId: string) {
  return {
    round: t.db.sqlite.prepare('select status, closed_at, closed_by, outcome, result from rounds where id = ?').get(roundId),
    position: t.db.sqlite.prepare('select status, draft_readonly, updated_at from positions where id = ?').get(world.positionId),
    audit: t.db.sqlite.prepare('select count(*) as n from audit_events').get(),
  }
}

async function json(res: Response): Promise<Record<string, unknown>> {
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Record<string, unknown>
}

async function dueRound(answers: string[]): Promise<{ world: RoundWorld; id: string; closesAt: number }> {
  const world = buildRoundWorld(t)
  const closesAt = t.clock.now() + DAY
  const id = await openRoundVia(t, world, { closesAt: new Date(closesAt).toISOString() })
  for (const [i, choice] of answers.entries()) {
    expect((await world.delegates[i]!.client.put(`/api/rounds/${id}/ballot`, { choice })).status).toBe(200)
  }
  t.clock.advance(DAY + 1)
  return { world, id, closesAt }
}

describe('reading a round past its deadline', () => {
  it('shows it ended, in the JSON and on the pages, and writes nothing until the deadline job closes it with the same result', async () => {
    const { world, id, closesAt } = await dueRound(['consent', 'consent', 'consent'])
    const before = stored(world, id)
    expect(before.round).toMatchObject({ status: 'open', outcome: null })
    expect(before.position).toMatchObject({ status: 'in_round' })

    const reader = world.delegates[3]!.client
    const round = await json(await reader.get(`/api/rounds/${id}`))
    expect(round).toMatchObject({ status: 'closed', outcome: 'adopted', closedAt: new Date(closesAt).toISOString(), position: { status: 'adopted' } })
    expect(round.result).toMatchObject({ outcome: 'adopted' })
    expect(round.notYetAnswered).toBeNull()
    const history = await json(await reader.get(`/api/positions/${world.positionId}/rounds`))
    expect(history.rounds).toMatchObject([{ status: 'closed', outcome: 'adopted' }])
    expect(await json(await reader.get(`/api/positions/${world.positionId}`))).toMatchObject({ status: 'adopted' })
    const page = await (await reader.get(`/rounds/${id}`)).text()
    expect(page).toContain('Offene Runde: Alle sehen, wer was geantwortet hat.</')
    expect(page).not.toContain('Antwort abgeben')
    expect((await world.coordinator.get(`/positions/${world.positionId}`)).status).toBe(200)
    expect((await reader.get('/')).status).toBe(200)

    expect(stored(world, id)).toEqual(before)

    expect(closeDueRounds(t.deps)).toBe(1)
    const after = stored(world, id)
    expect(after.round).toMatchObject({ status: 'closed', closed_at: closesAt, closed_by: null, outcome: 'adopted' })
    expect(after.position).toMatchObject({ status: 'adopted', draft_readonly: 1, updated_at: closesAt })
    expect(after.audit).toEqual({ n: (before.audit as { n: number }).n + 1 })
    expect(await json(await reader.get(`/api/rounds/${id}`))).toEqual(round)
    expect(await json(await reader.get(`/api/positions/${world.positionId}/rounds`))).toEqual(history)
  })

  it('a write on the position closes the due round first, and then works on the state the reads showed', async () => {
    // No answers: no quorum, so the position goes back to drafting and may be renamed again.
    const { world, id } = await dueRound([])
    expect(await json(await world.coordinator.get(`/api/positions/${world.positionId}`))).toMatchObject({ status: 'drafting' })
    expect(stored(world, id).round).toMatchObject({ status: 'open' })

    const renamed = await world.coordinator.patch(`/api/positions/${world.positionId}`, { title: 'Neuer Titel nach der Runde' })
    expect(renamed.status, await renamed.clone().text()).toBe(200)
    expect(stored(world, id).round).toMatchObject({ status: 'closed', outcome: 'no_quorum', closed_by: null })
    expect(stored(world, id).position).toMatchObject({ status: 'drafting', draft_readonly: 0 })
  })

  it('leaves a due round out of "still to decide" without closing it', async () => {
    const { world, id } = await dueRound(['consent'])
    const home = await (await world.delegates[3]!.client.get('/')).text()
    expect(home).not.toContain(`/rounds/${id}`)
    expect(stored(world, id).round).toMatchObject({ status: 'open' })
  })
})

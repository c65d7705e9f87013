import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { buildRoundWorld, DAY, HOUR, openRoundVia, type RoundWorld } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

interface Result {
  outcome: string
  quorumMet: boolean
  participation: { count: number; weight: number }
  tally: Record<string, { count: number; weight: number }>
}

async function cast(world: RoundWorld, i: number, id: string, choice: string, reason?: string) {
  const res = await world.delegates[i]!.client.put(`/api/rounds/${id}/ballot`, reason ? { choice, reason } : { choice })
  expect(res.status).toBe(200)
}

async function close(world: RoundWorld, id: string): Promise<Result> {
  const res = await world.coordinator.post(`/api/rounds/${id}/close`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { result: Result }).result
}

function positionState(id: string) {
  return t.db.sqlite.prepare('select status, draft_readonly from positions where id = ?').get(id)
}

describe('closing a round', () => {
  it('adopts by consent: position adopted, draft stays read-only', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1, 1] })
    const id = await openRoundVia(t, world)
    const events: unknown[] = []
    t.deps.events.on('draft-readonly', (e) => events.push(e))
    await cast(world, 0, id, 'consent')
    await cast(world, 1, id, 'concern', 'Bitte Quellen ergänzen.')
    await cast(world, 2, id, 'stand_aside')
    const result = await close(world, id)
    expect(result).toMatchObject({ outcome: 'adopted', quorumMet: true, participation: { count: 3, weight: 3 } })
    expect(result.tally).toEqual({
      consent: { count: 1, weight: 1 },
      concern: { count: 1, weight: 1 },
      stand_aside: { count: 1, weight: 1 },
      objection: { count: 0, weight: 0 },
    })
    expect(positionState(world.positionId)).toEqual({ status: 'adopted', draft_readonly: 1 })
    expect(events).toEqual([])
    const audit = auditEventsFor(t.db, 'round', id).at(-1)!
    expect(audit.action).toBe('round.close')
    expect(JSON.parse(audit.data)).toMatchObject({ outcome: 'adopted', automatic: false })
  })

  it('an upheld objection sends the position back to drafting with the objection visible', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    const events: unknown[] = []
    t.deps.events.on('draft-readonly', (e) => events.push(e))
    await cast(world, 0, id, 'consent')
    await cast(world, 1, id, 'consent')
    await cast(world, 2, id, 'objection', 'Der Abschnitt zu Abschiebungen fehlt.')
    expect((await close(world, id)).outcome).toBe('rejected')
    expect(positionState(world.positionId)).toEqual({ status: 'drafting', draft_readonly: 0 })
    expect(events).toEqual([{ positionId: world.positionId, readonly: false }])
    const history = (await (await world.coordinator.get(`/api/positions/${world.positionId}/rounds`)).json()) as {
      rounds: Array<{ outcome: string; reasons: Array<{ choice: string; reason: string }> }>
    }
    expect(history.rounds[0]).toMatchObject({ outcome: 'rejected', reasons: [{ choice: 'objection', reason: 'Der Abschnitt zu Abschiebungen fehlt.' }] })
  })

  it('a withdrawn objection no longer blocks', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const id = await openRoundVia(t, world)
    await cast(world, 0, id, 'objection', 'Noch nicht.')
    await cast(world, 1, id, 'consent')
    await cast(world, 0, id, 'consent')
    expect((await close(world, id)).outcome).toBe('adopted')
  })

  it('without quorum the round has no result but no_quorum, and the draft is editable again', async () => {
    const world = buildRoundWorld(t, { weights: [1, 1, 1, 1] })
    const id = await openRoundVia(t, world, { quorum: 0.75 })
    await cast(world, 0, id, 'consent')
    await cast(world, 1, id, 'consent')
    const result = await close(world, id)
    expect(result).toMatchObject({ outcome: 'no_quorum', quorumMet: false })
    expect(positionState(world.positionId)).toEqual({ status: 'drafting', draft_readonly: 0 })
  })

  it('counts weights in a vote with a two-thirds majority', async () => {
    const world = buildRoundWorld(t, { weights: [2, 1, 1] })
    const id = await openRoundVia(t, world, { kind: 'vote', majority: 'two_thirds' })
    await cast(world, 0, id, 'yes')
    await cast(world, 1, id, 'no')
    await cast(world, 2, id, 'abstain')
    const result = await close(world, id)
    expect(result.tally.yes).toEqual({ count: 1, weight: 2 })
    expect(result.outcome).toBe('adopted')
  })

  it('returns the stored result when closed again, and refuses ballots after close', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    await cast(world, 0, id, 'consent')
    const first = await close(world, id)
    t.clock.advance(HOUR)
    expect(await close(world, id)).toEqual(first)
    const late = await world.delegates[1]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: 'Zu spät?' })
    expect(late.status).toBe(409)
    expect(await late.json()).toMatchObject({ error: { code: 'round_closed' } })
    const view = (await (await world.delegates[1]!.client.get(`/api/rounds/${id}`)).json()) as { status: string; result: Result }
    expect(view.status).toBe('closed')
    expect(view.result).toEqual(first)
  })

  it('lets only coordinators and admins close', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    expect((await world.delegates[0]!.client.post(`/api/rounds/${id}/close`)).status).toBe(403)
  })

  it('refuses a ballot that arrives after the deadline, even if no timer ran', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + HOUR).toISOString(), shortNotice: { reason: 'Frist läuft heute ab.' } })
    await cast(world, 0, id, 'consent')
    await cast(world, 1, id, 'consent')
    t.clock.advance(HOUR)
    const res = await world.delegates[2]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: 'Knapp verpasst.' })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'round_closed' } })
    // The refusal closed the round on the way, with the result as of the deadline.
    const row = t.db.sqlite.prepare('select status, outcome, closed_by from rounds where id = ?').get(id)
    expect(row).toEqual({ status: 'closed', outcome: 'adopted', closed_by: null })
    expect(positionState(world.positionId)).toEqual({ status: 'adopted', draft_readonly: 1 })
    const audit = auditEventsFor(t.db, 'round', id).at(-1)!
    expect(JSON.parse(audit.data)).toMatchObject({ outcome: 'adopted', automatic: true })
  })

  it('shows a round past its deadline as closed when somebody reads it', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + DAY).toISOString() })
    t.clock.advance(DAY + 1)
    const view = (await (await world.delegates[0]!.client.get(`/api/rounds/${id}`)).json()) as { status: string; result: Result }
    expect(view.status).toBe('closed')
    expect(view.result.outcome).toBe('no_quorum')
  })

  it('the database refuses changes to ballots of a closed round', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    await cast(world, 0, id, 'consent')
    await close(world, id)
    expect(() => t.db.sqlite.prepare("update ballots set choice = 'objection' where round_id = ?").run(id)).toThrow(/round is closed/)
    expect(() => t.db.sqlite.prepare('delete from ballots where round_id = ?').run(id)).toThrow(/round is closed/)
    expect(() =>
      t.db.sqlite
        .prepare("insert into ballots (round_id, voter_key, version_number, choice, cast_by, cast_at) values (?, ?, 1, 'objection', ?, 0)")
        .run(id, world.delegates[1]!.initiativeId, world.delegates[1]!.personId),
    ).toThrow(/round is closed/)
    expect(() => t.db.sqlite.prepare("update rounds set outcome = 'rejected' where id = ?").run(id)).toThrow(/closed round cannot change/)
  })

  it('the database keeps secret ballots final and closed secret rounds sealed', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world, { secret: true })
    await cast(world, 0, id, 'consent')
    expect(() => t.db.sqlite.prepare("update secret_ballots set choice = 'objection' where round_id = ?").run(id)).toThrow(/final/)
    expect(() => t.db.sqlite.prepare('delete from round_participation where round_id = ?').run(id)).toThrow(/final/)
    await close(world, id)
    expect(() =>
      t.db.sqlite.prepare("insert into secret_ballots (id, round_id, version_number, choice, weight) values ('x', ?, 1, 'objection', 1)").run(id),
    ).toThrow(/round is closed/)
  })
})

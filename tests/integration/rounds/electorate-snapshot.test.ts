import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditEventsFor } from '../../../server/audit/audit.repo.ts'
import { buildRoundWorld, DAY, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('the electorate snapshot of a new round', () => {
  it('records in the audit how many may vote', async () => {
    const world = buildRoundWorld(t, { weights: [2, 0, 3] })
    const id = await openRoundVia(t, world)
    const [opened] = auditEventsFor(t.db, 'round', id)
    expect(JSON.parse(opened!.data)).toMatchObject({ electorate: 'initiatives', voters: 2 })
  })

  it('refuses to open a round nobody may vote in, and leaves the draft as it was', async () => {
    const world = buildRoundWorld(t, { weights: [0] })
    const res = await world.coordinator.post(`/api/positions/${world.positionId}/rounds`, {
      kind: 'consent',
      electorate: 'initiatives',
      quorum: 0,
      closesAt: new Date(t.clock.now() + 7 * DAY).toISOString(),
    })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_state' } })
    expect(t.db.sqlite.prepare('select status, draft_readonly from positions where id = ?').get(world.positionId)).toEqual({ status: 'drafting', draft_readonly: 0 })
    expect(t.db.sqlite.prepare('select count(*) as n from rounds').get()).toEqual({ n: 0 })
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeDraft } from '../../support/drafts.ts'
import { buildRoundWorld, DAY, openRoundVia } from '../../support/round-world.ts'
import { testApp, type TestApp } from '../../support/test-app.ts'

let t: TestApp
beforeEach(async () => {
  t = await testApp()
})
afterEach(() => t.close())

describe('rounds and versions on the position page', () => {
  it('offers coordinators the freeze and open-round forms while drafting, and nobody else', async () => {
    const world = buildRoundWorld(t)
    const coordinatorView = await (await world.coordinator.get(`/positions/${world.positionId}`)).text()
    expect(coordinatorView).toContain(`action="/positions/${world.positionId}/versions"`)
    expect(coordinatorView).toContain(`action="/positions/${world.positionId}/rounds"`)
    expect(coordinatorView).toContain('Es gibt noch keine eingefrorene Fassung.')
    expect(coordinatorView).toContain('Zu dieser Position gab es noch keine Runde.')
    const delegateView = await (await world.delegates[0]!.client.get(`/positions/${world.positionId}`)).text()
    expect(delegateView).not.toContain(`action="/positions/${world.positionId}/rounds"`)
  })

  it('shows the running round and its frozen text instead of the live draft', async () => {
    const world = buildRoundWorld(t, { draft: ['Eingefrorener Satz.'] })
    const id = await openRoundVia(t, world)
    writeDraft(t.db, world.positionId, ['Später geändert.'])
    const html = await (await world.delegates[0]!.client.get(`/positions/${world.positionId}`)).text()
    expect(html).toContain('Gerade läuft eine Konsensrunde über Fassung 1')
    expect(html).toContain(`href="/rounds/${id}"`)
    expect(html).toContain('Der eingefrorene Text, über den gerade entschieden wird')
    expect(html).toContain('Eingefrorener Satz.')
    expect(html).not.toContain('/assets/editor.js')
    expect(html).not.toContain(`action="/positions/${world.positionId}/rounds"`)
  })

  it('after an upheld objection: back in drafting, with the objection and its reason next to the draft', async () => {
    const world = buildRoundWorld(t)
    const id = await openRoundVia(t, world)
    await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    await world.delegates[1]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'objection', reason: 'Die Forderung nach Sprachkursen fehlt.' })
    await world.delegates[2]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'concern', reason: 'Zu lang.' })
    await world.coordinator.post(`/api/rounds/${id}/close`)
    const html = await (await world.delegates[0]!.client.get(`/positions/${world.positionId}`)).text()
    expect(html).toContain('/assets/editor.js')
    expect(html).toContain('wegen eines Einwands nicht beschlossen: 2 von 4 Initiativen haben zugestimmt, davon 1 mit Bedenken, 1 Einwand.')
    expect(html).toContain('Die Forderung nach Sprachkursen fehlt.')
    expect(html).toContain('Zu lang.')
    expect(html).toContain(`href="/positions/${world.positionId}/versions/1"`)
  })

  it('shows a round past its deadline as ended, with the adopted text, before anything closed it', async () => {
    const world = buildRoundWorld(t, { draft: ['Beschlossener Satz.'] })
    const id = await openRoundVia(t, world, { quorum: 0.25, closesAt: new Date(t.clock.now() + DAY).toISOString() })
    await world.delegates[0]!.client.put(`/api/rounds/${id}/ballot`, { choice: 'consent' })
    t.clock.advance(DAY)
    const html = await (await world.delegates[0]!.client.get(`/positions/${world.positionId}`)).text()
    expect(html).toContain('1 von 4 Initiativen hat zugestimmt')
    expect(html).toContain('Der beschlossene Text')
    expect(html).toContain('Beschlossener Satz.')
    // The page only shows it: closing is the deadline job's (or the next write's) work.
    expect(t.db.sqlite.prepare('select status from positions where id = ?').get(world.positionId)).toEqual({ status: 'in_round' })
  })
})

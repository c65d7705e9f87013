import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, expectStatus, type ApiClient } from './support/api.ts'
import { FIRST_ADMIN, seedFirstAdmin } from './support/seed.ts'
import { seedDelegate, seedGroup, seedInitiative } from './support/seed-alliance.ts'
import { seedPosition, seedRound } from './support/seed-position.ts'
import { startServer, type E2eServer } from './support/server.ts'

const HOUR = 3600_000

/** A group, an initiative with a delegate and a position with a consent round open for `hours` from the server's `now`. */
async function roundClosingIn(admin: ApiClient, now: number, hours: number): Promise<string> {
  const groupId = await seedGroup(admin, { name: 'AG Wohnen' })
  const initiativeId = await seedInitiative(admin, { name: 'Café Winsen' })
  await seedDelegate(admin, { name: 'Jonas Weber', email: 'jonas@cafe-winsen.example', password: 'Unser Café öffnet jeden Dienstag' }, { initiativeId })
  const positionId = await seedPosition(admin, groupId, 'Wohnungen statt Sammelunterkünfte')
  return seedRound(admin, positionId, { kind: 'consent', quorum: 0.5, closesAt: new Date(now + hours * HOUR).toISOString() })
}

// Tests that would wait for a deadline move the server's clock instead (startServer({ clock: true })).
// The control that does it exists only in the harness's entry, never in what `npm start` runs.
describe('the server clock of the e2e harness', () => {
  let moved: E2eServer
  let shipped: E2eServer

  beforeAll(async () => {
    ;[moved, shipped] = await Promise.all([startServer({ clock: true }), startServer()])
  })

  afterAll(async () => {
    await Promise.all([moved?.stop(), shipped?.stop()])
  })

  it('moves forward on request, and the deadline job closes a round whose deadline it passed at once', async () => {
    const admin = await seedFirstAdmin(moved, FIRST_ADMIN)
    const before = await moved.clock!.now()
    const roundId = await roundClosingIn(admin, before, 25)
    expect(expectStatus(await admin.get(`/api/rounds/${roundId}`), 200, 'round').status).toBe('open')

    const mark = moved.output().length
    const after = await moved.clock!.advance(26 * HOUR)
    expect(after).toBeGreaterThanOrEqual(before + 26 * HOUR)
    // The job itself closed it (reads alone would only show it as closed): it says so in the log.
    await moved.waitForOutput(/rounds closed at their deadline \{"closed":1\}/, 15_000, mark)
    expect(expectStatus(await admin.get(`/api/rounds/${roundId}`), 200, 'round').status).toBe('closed')
  })

  it('refuses to move backwards', async () => {
    const res = await fetch(`${moved.url}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: -HOUR }) })
    expect(res.status).toBe(400)
  })

  it('does not exist in the server `npm start` runs: no control, and its time stays the real one', async () => {
    expect(shipped.clock).toBeUndefined()
    const admin = await seedFirstAdmin(shipped, FIRST_ADMIN)
    const roundId = await roundClosingIn(admin, Date.now(), 25)

    const anonymous = api(shipped)
    expect((await anonymous.get('/__test/clock')).status).toBe(404)
    expect((await anonymous.post('/__test/clock', { advanceMs: 26 * HOUR })).status).toBe(404)
    expect((await admin.post('/__test/clock', { advanceMs: 26 * HOUR })).status).toBe(404)
    expect(expectStatus(await admin.get(`/api/rounds/${roundId}`), 200, 'round').status).toBe('open')
    expect(shipped.output()).not.toMatch(/rounds closed at their deadline/)
  })
})

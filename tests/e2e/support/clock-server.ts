/**
 * The server the e2e harness starts for tests that move time (`startServer({ clock: true })`):
 * the same start as `npm start` (server/start.ts), with a clock the test can move forward
 * through /__test/clock. Built by tests/support/build-server.ts into tests/.build/; nothing
 * outside tests/ imports it, so the shipped server has no such control
 * (tests/e2e/clock.e2e.test.ts starts both and checks).
 *
 *   GET  /__test/clock                      → { now }  the server's time, ms since the epoch
 *   POST /__test/clock { advanceMs }        → { now }  after the deadline and notification jobs ran
 */
import { Hono } from 'hono'
import { configFromEnv } from '../../../server/config.ts'
import { startSprachrohr, TEST_ROUTES_PREFIX, type StartedServer } from '../../../server/start.ts'
import { movableClock } from '../../support/clock.ts'

const clock = movableClock()
let server: StartedServer | undefined

const routes = new Hono()
  .get(`${TEST_ROUTES_PREFIX}/clock`, (c) => c.json({ now: clock.now() }))
  .post(`${TEST_ROUTES_PREFIX}/clock`, async (c) => {
    const body = (await c.req.json().catch(() => null)) as { advanceMs?: unknown } | null
    const ms = body?.advanceMs
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return c.json({ error: 'advanceMs: a number of milliseconds ≥ 0' }, 400)
    clock.advance(ms)
    // The jobs slept until a deadline of the old time: they look again now, as after a real wait.
    server?.wakeTimers()
    return c.json({ now: clock.now() })
  })

server = await startSprachrohr(configFromEnv(), { now: clock.now, testRoutes: routes })

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.stop().finally(() => process.exit(0))
  })
}

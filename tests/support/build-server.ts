/**
 * vitest globalSetup of the integration and e2e projects: builds the server once per test run,
 * with the same build as `npm start` (server/build.mjs), so that the tests that start a server
 * process (end-to-end, crash) run what users run, from current sources.
 *
 * The fuzz test's harness (sync-server-process.ts: the sync endpoint alone, with counters it
 * reports over IPC) and the e2e server with a movable clock (tests/e2e/support/clock-server.ts)
 * are bundled the same way into tests/.build/, with the render worker they start from next to them.
 */
import { fileURLToPath } from 'node:url'
import { buildServer } from '../../server/build.mjs'

export const TEST_BUILD_DIR = fileURLToPath(new URL('../.build/', import.meta.url))

export default async function setup(): Promise<void> {
  // Not emptied first: a server of another run in this checkout may still load its chunks.
  await buildServer({ clean: false })
  await buildServer({
    entries: {
      'sync-server-process': 'tests/support/sync-server-process.ts',
      'e2e-clock-server': 'tests/e2e/support/clock-server.ts',
      'render-worker': 'server/render/render-worker.ts',
    },
    outdir: TEST_BUILD_DIR,
    clean: false,
  })
}

// How long each render of the largest allowed draft keeps the event loop (issue 13, point 3):
// `npx tsx tests/bench/large-draft-render.ts [bytes …]` (default: MAX_DRAFT_BYTES' default).
// In an in-process app: first the whole sequence once on a small draft (modules, fonts and JIT
// warm), then for each size a draft of about that much Yjs state, timing the draft JSON, the
// position page, freezing a version, a version page, the diff of two versions, the public page
// and the PDF; for each the wall time, the longest event-loop stall (a 1 ms probe timer), and
// how long a small request (the login page, asked for again and again while the render runs)
// took at most: what everybody else waited. The same draft again (a cached render) follows the
// draft JSON and the diff.
// `--workers 0` renders everything on the main thread (as before the render worker); the default
// is the app as it ships (one render worker). Figures go to docs/BENCHMARKS.md; nothing here
// asserts a timing.
import { DEFAULT_MAX_DRAFT_BYTES } from '../../server/config.ts'
import { buildPosition } from '../support/factories.ts'
import { buildPublishingWorld, writeDraftJson } from '../support/adopt.ts'
import { draftStateBytes, longContent } from '../support/large-draft.ts'
import { testApp } from '../support/test-app.ts'

const args = process.argv.slice(2)
const workersAt = args.indexOf('--workers')
const workers = workersAt === -1 ? 1 : Number(args.splice(workersAt, 2)[1])
const sizes = args.map(Number)
if (sizes.length === 0) sizes.push(DEFAULT_MAX_DRAFT_BYTES)
const t = await testApp({ renders: { workers } })
const world = buildPublishingWorld(t)
const coordinator = t.client.as(world.coordinator.cookie)

function content(paragraphs: number, variant: number): unknown {
  return longContent(paragraphs, variant)
}

function stateBytes(positionId: string): number {
  return draftStateBytes(t.db, positionId)
}

/** The longest gap between ticks of a 1 ms timer while `run` and its response body are under way. */
async function timed(print: boolean, what: string, run: () => Promise<Response>): Promise<void> {
  let last = performance.now()
  let longest = 0
  const probe = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 1)
  // Small requests one after another while the render is under way; the slowest is what a
  // visitor waited (a request sent while the loop was blocked waits for the whole block).
  let inFlight = true
  let smallSlowest = 0
  let smallCount = 0
  const small = (async () => {
    while (inFlight) {
      // A request comes in from the network: it waits for the event loop, as a real one would,
      // and its wait starts when it arrives.
      const sent = performance.now()
      await new Promise((resolve) => setImmediate(resolve))
      await (await t.client.get('/login')).arrayBuffer()
      smallSlowest = Math.max(smallSlowest, performance.now() - sent)
      smallCount++
    }
  })()
  const started = performance.now()
  let res: Response
  let body: ArrayBuffer
  try {
    res = await run()
    body = await res.arrayBuffer()
  } finally {
    inFlight = false
  }
  const ms = performance.now() - started
  await small
  await new Promise((resolve) => setTimeout(resolve, 5)) // let the probe see the last stall
  clearInterval(probe)
  if (print) console.log(`| ${what} | ${res.status} | ${(body.byteLength / 2 ** 20).toFixed(2)} | ${ms.toFixed(0)} | ${longest.toFixed(0)} | ${smallSlowest.toFixed(0)} (${smallCount}) |`)
}

async function sequence(paragraphs: number, print: boolean): Promise<void> {
  const position = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id, title: 'Sehr lange Position' })
  writeDraftJson(t.db, position.id, content(paragraphs, 0))
  if (print) console.log(`\n${paragraphs} paragraphs, Yjs state ${(stateBytes(position.id) / 2 ** 20).toFixed(2)} MiB\n\n| render | status | MiB | ms | longest stall ms | slowest small request ms (how many) |\n|---|---|---|---|---|---|`)
  await timed(print, 'position page `GET /positions/:id`', () => coordinator.get(`/positions/${position.id}`))
  // Another state of the draft: the draft JSON renders afresh.
  writeDraftJson(t.db, position.id, content(paragraphs, 1))
  await timed(print, 'draft JSON `GET /api/positions/:id/draft`', () => coordinator.get(`/api/positions/${position.id}/draft`))
  await timed(print, 'draft JSON again (cached)', () => coordinator.get(`/api/positions/${position.id}/draft`))
  await timed(print, 'freeze version 1', () => coordinator.post(`/api/positions/${position.id}/versions`, {}))
  writeDraftJson(t.db, position.id, content(paragraphs, 3))
  await timed(print, 'freeze version 2', () => coordinator.post(`/api/positions/${position.id}/versions`, {}))
  await timed(print, 'version page `GET /positions/:id/versions/1`', () => coordinator.get(`/positions/${position.id}/versions/1`))
  await timed(print, 'diff page `GET /positions/:id/diff`', () => coordinator.get(`/positions/${position.id}/diff?from=1&to=2`))
  await timed(print, 'diff page again (cached)', () => coordinator.get(`/positions/${position.id}/diff?from=1&to=2`))
  await timed(print, 'diff JSON `GET /api/positions/:id/diff`', () => coordinator.get(`/api/positions/${position.id}/diff?from=1&to=2`))
  const open = await coordinator.post(`/api/positions/${position.id}/rounds`, {
    kind: 'consent',
    electorate: 'initiatives',
    quorum: 0.5,
    secret: false,
    versionNumber: 2,
    closesAt: new Date(t.clock.now() + 7 * 24 * 3600 * 1000).toISOString(),
  })
  const roundId = ((await open.json()) as { id: string }).id
  for (const delegate of world.delegates) await t.client.as(delegate.cookie).put(`/api/rounds/${roundId}/ballot`, { choice: 'consent' })
  t.clock.advance(60_000)
  await coordinator.post(`/api/rounds/${roundId}/close`)
  const published = await t.client.as(world.spokesperson.cookie).post(`/api/positions/${position.id}/publish`, {})
  if (published.status >= 300) console.log('publish failed', published.status, await published.text())
  await timed(print, 'public page `GET /p/:slug`', () => t.client.get(`/p/${position.slug}`))
  await timed(print, 'PDF `GET /p/:slug.pdf`, first', () => t.client.get(`/p/${position.slug}.pdf`))
  await timed(print, 'PDF again (cached)', () => t.client.get(`/p/${position.slug}.pdf`))
}

// The cost of one paragraph in Yjs state, to size each draft.
const probe = buildPosition(t.db, { groupId: world.groupId })
writeDraftJson(t.db, probe.id, content(100, 0))
const perParagraph = stateBytes(probe.id) / 100
await sequence(20, false)
console.log(`render workers: ${workers}`)
for (const size of sizes) await sequence(Math.floor((size * 0.97) / perParagraph), true)
await t.deps.renders.stop()
t.close()

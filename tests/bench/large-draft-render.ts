// How long each render of the largest allowed draft keeps the event loop (issue 13, point 3):
// `npx tsx tests/bench/large-draft-render.ts [bytes …]` (default: MAX_DRAFT_BYTES' default).
// In an in-process app: first the whole sequence once on a small draft (modules, fonts and JIT
// warm), then for each size a draft of about that much Yjs state, timing the draft JSON, the
// position page, freezing a version, a version page, the diff of two versions, the public page
// and the PDF; for each the wall time and the longest event-loop stall (a 1 ms probe timer).
// Figures go to docs/BENCHMARKS.md; nothing here asserts a timing.
import * as Y from 'yjs'
import { DEFAULT_MAX_DRAFT_BYTES } from '../../server/config.ts'
import { loadDocFromDb } from '../../server/sync/load-doc.ts'
import { buildPosition } from '../support/factories.ts'
import { buildPublishingWorld, writeDraftJson } from '../support/adopt.ts'
import { testApp } from '../support/test-app.ts'

const sizes = process.argv.slice(2).map(Number)
if (sizes.length === 0) sizes.push(DEFAULT_MAX_DRAFT_BYTES)
const t = await testApp()
const world = buildPublishingWorld(t)
const coordinator = t.client.as(world.coordinator.cookie)

const sentence = 'Wir fordern bezahlbaren Wohnraum für alle Geflüchteten, dezentrale Unterbringung und unabhängige Beratung in jeder Kommune. '
function content(paragraphs: number, variant: number): unknown {
  const blocks: unknown[] = []
  for (let i = 0; i < paragraphs; i++) {
    if (i % 20 === 0) blocks.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Abschnitt ${i / 20 + 1}` }] })
    const text = `${i}${i % 7 === variant ? ' (geändert)' : ''}: ${sentence.repeat(4)}`
    blocks.push({ type: 'paragraph', content: [{ type: 'text', text: text.slice(0, 200) }, { type: 'text', marks: [{ type: 'bold' }], text: ' Wichtig: ' }, { type: 'text', text: text.slice(200) }] })
  }
  return { type: 'doc', content: blocks }
}

function stateBytes(positionId: string): number {
  const { doc } = loadDocFromDb(t.db, positionId)
  const bytes = Y.encodeStateAsUpdate(doc).byteLength
  doc.destroy()
  return bytes
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
  const started = performance.now()
  const res = await run()
  const body = await res.arrayBuffer()
  const ms = performance.now() - started
  await new Promise((resolve) => setTimeout(resolve, 5)) // let the probe see the last stall
  clearInterval(probe)
  if (print) console.log(`| ${what} | ${res.status} | ${(body.byteLength / 2 ** 20).toFixed(2)} | ${ms.toFixed(0)} | ${longest.toFixed(0)} |`)
}

async function sequence(paragraphs: number, print: boolean): Promise<void> {
  const position = buildPosition(t.db, { groupId: world.groupId, createdBy: world.coordinator.id, title: 'Sehr lange Position' })
  writeDraftJson(t.db, position.id, content(paragraphs, 0))
  if (print) console.log(`\n${paragraphs} paragraphs, Yjs state ${(stateBytes(position.id) / 2 ** 20).toFixed(2)} MiB\n\n| render | status | MiB | ms | longest stall ms |\n|---|---|---|---|---|`)
  await timed(print, 'draft JSON `GET /api/positions/:id/draft`', () => coordinator.get(`/api/positions/${position.id}/draft`))
  await timed(print, 'position page `GET /positions/:id`', () => coordinator.get(`/positions/${position.id}`))
  await timed(print, 'freeze version 1', () => coordinator.post(`/api/positions/${position.id}/versions`, {}))
  writeDraftJson(t.db, position.id, content(paragraphs, 3))
  await timed(print, 'freeze version 2', () => coordinator.post(`/api/positions/${position.id}/versions`, {}))
  await timed(print, 'version page `GET /positions/:id/versions/1`', () => coordinator.get(`/positions/${position.id}/versions/1`))
  await timed(print, 'diff page `GET /positions/:id/diff`', () => coordinator.get(`/positions/${position.id}/diff?from=1&to=2`))
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
for (const size of sizes) await sequence(Math.floor((size * 0.97) / perParagraph), true)

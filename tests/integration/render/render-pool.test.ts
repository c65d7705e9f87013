import { Worker } from 'node:worker_threads'
import { afterAll, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../../server/log.ts'
import { RenderPool } from '../../../server/render/render-pool.ts'
import { runRenderTask, type RenderTask } from '../../../server/render/render-tasks.tsx'
import { createRenderer, diffWords } from '../../../server/render/renderer.ts'
import { translator } from '../../../shared/i18n/index.ts'
import { readStoredLog } from '../../../server/sync/load-doc.ts'
import { buildPosition } from '../../support/factories.ts'
import { writeDraftJson } from '../../support/adopt.ts'
import { longContent } from '../../support/large-draft.ts'
import { testApp } from '../../support/test-app.ts'

// A draft of a few dozen paragraphs: enough to be handed to the worker, quick to render twice.
const t = await testApp()
afterAll(() => t.close())
const position = buildPosition(t.db)
writeDraftJson(t.db, position.id, longContent(40))
const updates = readStoredLog(t.db, position.id).updates
const changed = buildPosition(t.db)
writeDraftJson(t.db, changed.id, longContent(40, 3))
const before = (await runRenderTask({ kind: 'freeze', updates })).content
const after = (await runRenderTask({ kind: 'freeze', updates: readStoredLog(t.db, changed.id).updates })).content

const pdfInput = {
  title: 'Wohnen für alle',
  summary: 'Kurz gesagt',
  content: JSON.parse(after) as unknown,
  header: 'Sprachrohr · Arbeitsgruppe: AG Wohnen',
  resultLabel: 'Ergebnis',
  resultText: 'Im Konsens beschlossen',
  resultBar: { title: 'Antworten nach Stimmgewicht', segments: [] },
  withdrawn: null,
  signatoriesLabel: 'Mitgezeichnet von',
  signatories: ['Initiative Ayşe Yılmaz', 'Verein محمد علي'],
  facts: [['Fassung', '2']] as Array<[string, string]>,
  footer: 'https://example.org/p/wohnen',
  locale: 'de',
  author: 'Sprachrohr',
  createdAt: Date.parse('2027-03-04T12:00:00Z'),
}

const tasks: RenderTask[] = [
  { kind: 'draft', updates },
  { kind: 'freeze', updates },
  { kind: 'diff', before, after, locale: 'de', words: diffWords(translator('de')) },
  { kind: 'diff', before, after, locale: 'en', words: diffWords(translator('en')) },
  { kind: 'pdf', input: pdfInput },
]

describe('the render worker', () => {
  it('gives exactly what the main thread renders, for drafts, versions, diffs and PDFs', async () => {
    const log = memoryLogger()
    const pool = new RenderPool({ log, workers: 1 })
    try {
      for (const task of tasks) {
        const inWorker = await pool.run(task)
        expect(pool.running, task.kind).toBe(1)
        expect(inWorker, task.kind).toEqual(await runRenderTask(task))
      }
    } finally {
      await pool.stop()
    }
    expect(log.lines).toEqual([])
  })

  it('answers a render that fails with its error, and keeps the worker for the next one', async () => {
    const log = memoryLogger()
    const pool = new RenderPool({ log, workers: 1 })
    try {
      await expect(pool.run({ kind: 'diff', before: '{"type":"doc"', after: '{}', locale: 'de', words: {} })).rejects.toThrow(/render failed/)
      const task = { kind: 'draft', updates } as const
      expect(await pool.run(task)).toEqual(await runRenderTask(task))
      expect(pool.running).toBe(1)
    } finally {
      await pool.stop()
    }
    expect(log.lines).toEqual([])
  })

  it('renders on the main thread, and says so in the log, when the worker dies', async () => {
    const log = memoryLogger()
    // A worker that dies at once, as one would that ran out of memory.
    const pool = new RenderPool({ log, workers: 1, start: () => new Worker('process.exit(3)', { eval: true }) })
    try {
      const task = { kind: 'draft', updates } as const
      expect(await pool.run(task)).toEqual(await runRenderTask(task))
      expect(log.lines.join('\n')).toMatch(/render worker failed; rendering on the main thread/)
    } finally {
      await pool.stop()
    }
  })

  it('renders on the main thread, and says so, when no worker can be started', async () => {
    const log = memoryLogger()
    const pool = new RenderPool({
      log,
      workers: 1,
      maxFailures: 1,
      start: () => {
        throw new Error('no threads here')
      },
    })
    const task = { kind: 'diff', before, after, locale: 'de', words: diffWords(translator('de')) } as const
    expect(await pool.run(task)).toEqual(await runRenderTask(task))
    expect(await pool.run(task)).toEqual(await runRenderTask(task))
    expect(pool.usesWorkers).toBe(false)
    expect(log.lines.filter((l) => l.includes('render worker failed'))).toHaveLength(1)
  })

  it('starts no thread when it is configured with none, and keeps repeated renders', async () => {
    const renderer = createRenderer({ log: memoryLogger(), workers: 0, inlineBelowBytes: 0 })
    const mark = { lastId: 1, count: 1 }
    let loads = 0
    const load = () => {
      loads++
      return updates
    }
    const first = await renderer.draft(position.id, mark, load)
    const second = await renderer.draft(position.id, mark, load)
    expect(second).toBe(first)
    expect(loads).toBe(1)
    // Another state of the log is another render.
    await renderer.draft(position.id, { lastId: 2, count: 2 }, load)
    expect(loads).toBe(2)
    expect(renderer.pool.running).toBe(0)
    await renderer.stop()
  })
})

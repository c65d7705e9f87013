import { GERMAN, type MessageKey, type Translate } from '../../shared/i18n/index.ts'
import type { Logger } from '../log.ts'
import type { PdfInput } from '../publishing/render-pdf.ts'
import { RenderCache } from './render-cache.ts'
import { RenderPool } from './render-pool.ts'
import { runRenderTask, type DiffRender, type DraftRender, type FrozenText } from './render-tasks.tsx'

/** Which state of a draft's stored log a render shows: ids only grow (AUTOINCREMENT), so the last id names it. */
export interface LogMark {
  lastId: number
  count: number
}

/**
 * The app's renders of drafts, versions, diffs and PDFs (a member of `Deps`): off the event loop
 * in a worker thread where they are large, and kept where the same render is asked for again
 * (a draft by the state of its stored log, a diff by its two immutable versions).
 */
export interface Renderer {
  /** The live draft as stored in `mark`; `load` reads the log only when it must be rendered. */
  draft(positionId: string, mark: LogMark, load: () => Uint8Array[]): Promise<DraftRender>
  /** The text a version frozen from this log gets. Never cached: freezing reads the truth. */
  freeze(updates: Uint8Array[]): Promise<FrozenText>
  /** The block diff between two versions' canonical JSON, its HTML in the language of `t`; `key` names the pair. */
  diff(key: string, before: string, after: string, t: Translate): Promise<DiffRender>
  /** A publication's PDF (kept by the caller, which knows when it changes). */
  pdf(input: PdfInput): Promise<Uint8Array>
  readonly pool: RenderPool
  /** Ends the workers (at shutdown). */
  stop(): Promise<void>
}

export interface RendererOptions {
  log: Logger
  /** Worker threads; 0 renders on the main thread. */
  workers?: number
  /** Drafts and diffs with less input than this render on the main thread: quicker than a hand-over. */
  inlineBelowBytes?: number
  idleMs?: number
}

const MiB = 2 ** 20

function bytesOf(updates: readonly Uint8Array[]): number {
  let total = 0
  for (const u of updates) total += u.byteLength
  return total
}

/** Builds the app's renderer; workers start on the first large render. */
// The words of the diff view (web/views/versions/diff-view.tsx): all of them are `diff.*`.
const DIFF_KEYS = Object.keys(GERMAN).filter((k) => k.startsWith('diff.')) as MessageKey[]

/** The diff view's words in the language of `t`, for a diff task. */
export function diffWords(t: Translate): Record<string, string> {
  return Object.fromEntries(DIFF_KEYS.map((k) => [k, t(k)]))
}

export function createRenderer(options: RendererOptions): Renderer {
  const pool = new RenderPool({ log: options.log, workers: options.workers ?? 1, ...(options.idleMs === undefined ? {} : { idleMs: options.idleMs }) })
  const inlineBelow = options.inlineBelowBytes ?? 16 * 1024
  const drafts = new RenderCache<DraftRender>(16 * MiB, (r) => r.json.length + r.html.length)
  const diffs = new RenderCache<DiffRender>(16 * MiB, (r) => r.json.length + r.html.length)
  return {
    pool,
    draft: (positionId, mark, load) =>
      drafts.get(`${positionId}:${mark.lastId}:${mark.count}`, () => {
        const updates = load()
        const task = { kind: 'draft', updates } as const
        return bytesOf(updates) < inlineBelow ? runRenderTask(task) : pool.run(task)
      }),
    freeze: (updates) => {
      const task = { kind: 'freeze', updates } as const
      return bytesOf(updates) < inlineBelow ? runRenderTask(task) : pool.run(task)
    },
    diff: (key, before, after, t) =>
      diffs.get(`${key}:${t.locale}`, () => {
        const task = { kind: 'diff', before, after, locale: t.locale, words: diffWords(t) } as const
        return before.length + after.length < inlineBelow ? runRenderTask(task) : pool.run(task)
      }),
    // Even a small PDF costs pdfkit's and the fonts' loading the first time: always a worker.
    pdf: (input) => pool.run({ kind: 'pdf', input }),
    stop: () => pool.stop(),
  }
}

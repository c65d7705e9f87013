import { createHash } from 'node:crypto'
import { canonicalJson } from '../../shared/content/canonical-json.ts'
import { diffDocuments, type PmNode } from '../../shared/diff/block-diff.ts'
import { AppError, type ErrorCode } from '../../shared/errors.ts'
import { makeTranslator, type Locale } from '../../shared/i18n/index.ts'
import { DiffView } from '../../web/views/versions/diff-view.tsx'
import { assertKnownContent } from '../content/assert-known-content.ts'
import { renderHtml } from '../content/render-html.ts'
import { yDocToProseMirrorJson } from '../content/ydoc-to-json.ts'
import { renderPdf, type PdfInput } from '../publishing/render-pdf.ts'
import { buildDoc } from '../sync/load-doc.ts'

/**
 * The expensive renders, as plain data in and plain data out, so that each runs the same in the
 * render worker and (when the worker is not there) on the main thread: the pool decides where.
 */
export type RenderTask =
  | { kind: 'draft'; updates: Uint8Array[] }
  | { kind: 'freeze'; updates: Uint8Array[] }
  // `words`: the diff's labels in `locale`, made where the app's languages are (a worker has none).
  | { kind: 'diff'; before: string; after: string; locale: Locale; words: Record<string, string> }
  | { kind: 'pdf'; input: PdfInput }

/** The live draft: the body of `GET /api/positions/:id/draft` and the HTML the position page shows. */
export interface DraftRender {
  /** `{"content":…,"html":…}`, serialized once where it was rendered. */
  json: string
  html: string
}

/** The block diff of two versions: as JSON (the API's `blocks`) and as HTML in one language (the pages). */
export interface DiffRender {
  json: string
  html: string
}

/** A draft frozen as a version's text: canonical JSON, its HTML and its hash. */
export interface FrozenText {
  content: string
  html: string
  hash: string
}

export interface RenderResults {
  draft: DraftRender
  freeze: FrozenText
  diff: DiffRender
  pdf: Uint8Array
}

export type RenderResult<T extends RenderTask> = RenderResults[T['kind']]

/** Lower-case hex SHA-256 of the UTF-8 bytes of a version's canonical JSON. */
export function versionHash(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

function withDoc<T>(updates: Uint8Array[], read: (doc: ReturnType<typeof buildDoc>) => T): T {
  const doc = buildDoc(updates)
  try {
    return read(doc)
  } finally {
    doc.destroy()
  }
}

export async function runRenderTask<T extends RenderTask>(task: T): Promise<RenderResult<T>> {
  return (await run(task)) as RenderResult<T>
}

/** The draft as JSON and HTML. */
export function draftRender(updates: Uint8Array[]): DraftRender {
  return withDoc(updates, (doc) => {
    const content = yDocToProseMirrorJson(doc)
    const html = renderHtml(content)
    return { json: JSON.stringify({ content, html }), html }
  })
}

/** The draft as a version's text (synchronous: the freezing transaction may need it on the spot). */
export function frozenText(updates: Uint8Array[]): FrozenText {
  return withDoc(updates, (doc) => {
    const json = assertKnownContent(yDocToProseMirrorJson(doc))
    const content = canonicalJson(json)
    return { content, html: renderHtml(json), hash: versionHash(content) }
  })
}

async function run(task: RenderTask): Promise<RenderResults[keyof RenderResults]> {
  switch (task.kind) {
    case 'draft':
      return draftRender(task.updates)
    case 'freeze':
      return frozenText(task.updates)
    case 'diff': {
      const blocks = diffDocuments(JSON.parse(task.before) as PmNode, JSON.parse(task.after) as PmNode)
      return { json: JSON.stringify(blocks), html: String(<DiffView t={makeTranslator(task.locale, task.words)} blocks={blocks} />) }
    }
    case 'pdf':
      return new Uint8Array(await renderPdf(task.input))
  }
}

/** How a refusal (an AppError) crosses the thread boundary: its code, message and field. */
export interface SentError {
  code?: ErrorCode
  message: string
  field?: string
}

export function sendableError(error: unknown): SentError {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) }
  return { message: error instanceof Error ? error.message : String(error) }
}

export function receivedError(sent: SentError): Error {
  if (sent.code) return new AppError(sent.code, sent.message, sent.field)
  return new Error(`render failed: ${sent.message}`)
}

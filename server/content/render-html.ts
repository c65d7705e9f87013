import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { editorExtensions } from '../../shared/editor/extensions.ts'
import { assertKnownContent } from './assert-known-content.ts'

type TiptapHtml = typeof import('@tiptap/html/server')

// @tiptap/html renders through happy-dom, the largest part of a fresh server's memory, and most
// servers render rarely (freezing a version, publishing, reading a draft as HTML): it is loaded
// on the first render, not at start. Synchronously, so renderHtml stays a plain function:
// require() of the ES module (Node ≥ 20.19) returns the same module instance an import would,
// sharing @tiptap/core with the extension list. Node's module cache keeps it after that.
const require = createRequire(import.meta.url)
const TIPTAP_HTML = fileURLToPath(import.meta.resolve('@tiptap/html/server'))
const tiptapHtml = (): TiptapHtml => require(TIPTAP_HTML) as TiptapHtml

/**
 * Renders a position's text as HTML with the shared extension list. The JSON is checked first
 * (unknown content is refused, foreign links dropped), and the DOM serializer escapes all text
 * and attribute values, so the result can be embedded in a page as it is.
 */
export function renderHtml(json: unknown): string {
  return tiptapHtml().generateHTML(assertKnownContent(json), editorExtensions)
}

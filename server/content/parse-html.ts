import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { editorExtensions, editorSchema } from '../../shared/editor/extensions.ts'
import { buildContent, type ContentJson } from './build-content.ts'

type TiptapHtml = typeof import('@tiptap/html/server')

// Loaded on first use, like render-html.ts: happy-dom is large and most servers never import.
const require = createRequire(import.meta.url)
const TIPTAP_HTML = fileURLToPath(import.meta.resolve('@tiptap/html/server'))
const tiptapHtml = (): TiptapHtml => require(TIPTAP_HTML) as TiptapHtml

/**
 * Reads HTML into a position's text with the shared schema's own parse rules: what the schema
 * knows (headings 2–4, paragraphs, lists, quotes, rules, bold, italic, web and mail links) is
 * kept, everything else is left out (its text kept where it has any), and the result is
 * checked like any content from outside.
 */
export function parseHtml(html: string): ContentJson {
  const json = tiptapHtml().generateJSON(html, editorExtensions)
  return buildContent(editorSchema(), json, 'lenient').toJSON() as ContentJson
}

import { generateHTML } from '@tiptap/html/server'
import { editorExtensions } from '../../shared/editor/extensions.ts'
import { assertKnownContent } from './assert-known-content.ts'

/**
 * Renders a position's text as HTML with the shared extension list. The JSON is checked first
 * (unknown content is refused, foreign links dropped), and the DOM serializer escapes all text
 * and attribute values, so the result can be embedded in a page as it is.
 */
export function renderHtml(json: unknown): string {
  return generateHTML(assertKnownContent(json), editorExtensions)
}

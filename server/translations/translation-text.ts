import { z } from 'zod'
import { canonicalJson } from '../../shared/content/canonical-json.ts'
import { fail } from '../../shared/errors.ts'
import { TRANSLATION_LANGUAGE_CODES } from '../../shared/translations/languages.ts'
import { assertKnownContent } from '../content/assert-known-content.ts'
import { renderHtml } from '../content/render-html.ts'
import { plainTextDoc } from '../../shared/editor/plain-text-doc.ts'

const MAX_TEXT = 200_000

/** POST /api/positions/:id/translations: the text as plain paragraphs (`text`) or as ProseMirror JSON (`content`). */
export const TranslationInput = z
  .strictObject({
    language: z.enum(TRANSLATION_LANGUAGE_CODES),
    title: z.string().trim().min(1).max(300),
    summary: z.string().trim().max(1000).optional(),
    text: z.string().max(MAX_TEXT).optional(),
    content: z.unknown().optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.content === undefined), { message: 'text or content', path: ['text'] })
export type TranslationInput = z.infer<typeof TranslationInput>

/** PUT /api/translations/:id: a new text for the same language. */
export const TranslationUpdate = z
  .strictObject({
    title: z.string().trim().min(1).max(300),
    summary: z.string().trim().max(1000).optional(),
    text: z.string().max(MAX_TEXT).optional(),
    content: z.unknown().optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.content === undefined), { message: 'text or content', path: ['text'] })
export type TranslationUpdate = z.infer<typeof TranslationUpdate>

/** The stored text of a translation: checked against the shared schema, canonical JSON and its HTML. */
export function translationText(input: { title: string; summary?: string | undefined; text?: string | undefined; content?: unknown }) {
  const doc = input.content !== undefined ? input.content : plainTextDoc(input.text ?? '')
  const content = assertKnownContent(doc)
  if (!Array.isArray((content as { content?: unknown[] }).content) || (content as { content: unknown[] }).content.length === 0) fail('validation', undefined, 'text')
  return { title: input.title, summary: input.summary ?? '', content: canonicalJson(content), html: renderHtml(content) }
}

/** The stored text back as plain paragraphs, for the edit form (blocks separated by a blank line). */
export function docToText(json: string): string {
  const doc = JSON.parse(json) as { content?: Array<{ content?: Array<{ type?: string; text?: string }> }> }
  return (doc.content ?? [])
    .map((block) => (block.content ?? []).map((n) => (n.type === 'hardBreak' ? '\n' : (n.text ?? ''))).join(''))
    .join('\n\n')
}

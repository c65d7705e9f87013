import { fail } from '../../shared/errors.ts'
import type { ContentJson } from '../content/build-content.ts'
import { parseHtml } from '../content/parse-html.ts'
import { docxToHtml } from './docx-to-html.ts'
import { cleanHtml, DroppedList, escapeHtml, type Dropped } from './html-cleanup.ts'
import { markdownToHtml } from './markdown-to-html.ts'
import { looksLikeZip } from './zip-guard.ts'

/** The largest file an import accepts. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

export type ImportFormat = 'docx' | 'markdown' | 'text'

export interface UploadedFile {
  name: string
  bytes: Uint8Array
}

export interface ImportedText {
  format: ImportFormat
  content: ContentJson
  /** The document's own title (a Word title, a leading `# heading`), if it has one. */
  title: string | null
  dropped: Dropped[]
}

function formatOf(file: UploadedFile): ImportFormat {
  const name = file.name.toLowerCase()
  if (name.endsWith('.docx')) return 'docx'
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'markdown'
  if (name.endsWith('.txt')) return 'text'
  // No telling name: an archive can only be a Word file, anything else is read as text.
  return looksLikeZip(file.bytes) ? 'docx' : 'text'
}

/** UTF-8 text, or a refusal: a binary file with a text name has invalid bytes or NULs. */
function decodeText(bytes: Uint8Array): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return fail('import_unreadable')
  }
  if (text.includes('\u0000')) fail('import_unreadable')
  return text
}

function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${para.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('')
}

/**
 * Reads an uploaded Word, Markdown or text file into a position's text, listing what the
 * text cannot hold. Refuses a file beyond the size cap (`import_too_large`) and one that is
 * not what its name says or is broken (`import_unreadable`).
 */
export async function fileToContent(file: UploadedFile): Promise<ImportedText> {
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) fail('import_too_large')
  if (file.bytes.byteLength === 0) fail('import_unreadable')
  const format = formatOf(file)
  const dropped = new DroppedList()
  const html =
    format === 'docx'
      ? await docxToHtml(file.bytes, dropped)
      : format === 'markdown'
        ? markdownToHtml(decodeText(file.bytes), dropped)
        : plainTextToHtml(decodeText(file.bytes))
  const cleaned = cleanHtml(html, dropped)
  return { format, content: parseHtml(cleaned.html), title: cleaned.title, dropped: dropped.list() }
}

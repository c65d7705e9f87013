import mammoth from 'mammoth'
import { AppError, fail } from '../../shared/errors.ts'
import type { DroppedList } from './html-cleanup.ts'
import { inspectZip } from './zip-guard.ts'

/** A .docx unpacks to a few times its size; beyond this it is not a text but an attack. */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024
const MAX_ENTRIES = 2000
const DOCUMENT = 'word/document.xml'
const COMMENTS = 'word/comments.xml'

// Word's quote styles (German and English names) become quotes, its title the h1 an import
// takes as the title; everything else is mammoth's default mapping.
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titel'] => h1:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Zitat'] => blockquote > p:fresh",
  "p[style-name='Intensives Zitat'] => blockquote > p:fresh",
]

function occurrences(text: string | undefined, pattern: RegExp): number {
  return text ? (text.match(pattern)?.length ?? 0) : 0
}

/**
 * A Word document as HTML. The archive is unpacked and measured first (zip-guard.ts); a file
 * that is no intact .docx is refused with `import_unreadable`. Comments and tracked changes,
 * which the text cannot hold, are counted: mammoth leaves comments out and shows the text as
 * it reads with every change accepted.
 */
export async function docxToHtml(bytes: Uint8Array, dropped: DroppedList): Promise<string> {
  const zip = inspectZip(bytes, { maxUnpackedBytes: MAX_UNPACKED_BYTES, maxEntries: MAX_ENTRIES }, [DOCUMENT, COMMENTS])
  const document = zip.texts.get(DOCUMENT)
  if (document === undefined) fail('import_unreadable')
  dropped.add('comment', occurrences(zip.texts.get(COMMENTS), /<w:comment\b/g))
  dropped.add('tracked_change', occurrences(document, /<w:(ins|del)\b/g))
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        // Images are not read at all: the text has no place for them (they are counted later).
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    )
    return result.value
  } catch (error) {
    if (error instanceof AppError) throw error
    return fail('import_unreadable')
  }
}

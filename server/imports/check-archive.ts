import { fail } from '../../shared/errors.ts'
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type Archive, type ArchiveRow } from '../exports/archive-format.ts'

/** The uploaded text as JSON, or a refusal that says it is not an archive. */
export function parseArchiveText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    fail('validation', { key: 'archive.not_an_archive' })
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isValue(value: unknown): boolean {
  if (value === null || typeof value === 'string') return true
  if (typeof value === 'number') return Number.isFinite(value)
  return isPlainObject(value) && Object.keys(value).length === 1 && typeof value.base64 === 'string'
}

/**
 * Checks the document's shape and version before anything is written: a file that is not an
 * archive, one of a newer format, or one with a malformed row is refused with what is wrong.
 * Whether its tables and columns fit this installation is checked by the import.
 */
export function checkArchive(input: unknown): Archive {
  if (!isPlainObject(input) || input.format !== ARCHIVE_FORMAT) fail('validation', { key: 'archive.not_an_archive' })
  const version = input.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) fail('validation', { key: 'archive.not_an_archive' })
  if (version > ARCHIVE_VERSION) fail('validation', { key: 'archive.version_newer', params: { version, supported: ARCHIVE_VERSION } })
  const { schema, tables, exportedAt } = input
  if (typeof exportedAt !== 'string' || !Array.isArray(schema) || !schema.every((m) => typeof m === 'string') || !isPlainObject(tables)) {
    fail('validation', { key: 'archive.not_an_archive' })
  }
  for (const [table, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows)) fail('validation', { key: 'archive.row_malformed', params: { table, row: 0 } })
    rows.forEach((row: unknown, index) => {
      if (!isPlainObject(row) || !Object.values(row).every(isValue)) fail('validation', { key: 'archive.row_malformed', params: { table, row: index + 1 } })
    })
  }
  // `drafts` is derived from doc_updates and not read back.
  return { format: ARCHIVE_FORMAT, version, exportedAt, schema: schema as string[], tables: tables as Record<string, ArchiveRow[]>, drafts: {} }
}

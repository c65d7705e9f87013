/**
 * The installation archive: one JSON document with everything an alliance needs to move to
 * another server (or read into another tool), written by `npm run cli -- export` and by the
 * admin's download, read back by `npm run cli -- import` into an empty installation.
 *
 *   { format: 'sprachrohr-archive', version: 1, exportedAt, schema: [migration names],
 *     tables: { people: [{ id, email, … }], … } }
 *
 * Rows are stored as they are in the database (column names and values), each table sorted by
 * its primary key, so the same data always gives the same document. `drafts` adds each live
 * draft as readable text. Binary values (the drafts'
 * Yjs updates, comment anchors, the logo) are `{ base64: '…' }`.
 */
export const ARCHIVE_FORMAT = 'sprachrohr-archive'

/** Raise it when the document's shape changes; an import refuses versions above the one it reads. */
export const ARCHIVE_VERSION = 1

/** The tables in the archive, in no particular order (an import sorts them by their foreign keys). */
export const ARCHIVED_TABLES = [
  'alliance_profile',
  'people',
  'initiatives',
  'initiative_memberships',
  'public_initiatives',
  'working_groups',
  'group_memberships',
  'translator_languages',
  'positions',
  // The live drafts: the Yjs updates as stored, so a restored draft keeps its history and its
  // comment anchors (the frozen versions carry their text as ProseMirror JSON and HTML).
  'doc_updates',
  'versions',
  'rounds',
  'round_electorate',
  'round_extensions',
  'round_reminders',
  // Open rounds: each initiative's (or member's) current answer and every earlier one.
  'ballots',
  'ballot_history',
  // Secret rounds: who took part and what was answered, two tables that nothing links (the
  // answers are sorted by their random id and carry no voter, no time).
  'round_participation',
  'secret_ballots',
  'publications',
  'signatures',
  'translations',
  'translation_revisions',
  'comments',
  'comment_edits',
  'comment_mentions',
  'notifications',
  'notification_settings',
  // Amendments (issue 18): proposals, supports, and the rounds that vote on them; secret
  // amendment rounds keep participation and answers apart as ordinary secret rounds do.
  'amendments',
  'amendment_supports',
  'amendment_rounds',
  'amendment_round_items',
  'amendment_round_electorate',
  'amendment_ballots',
  'amendment_round_participation',
  'amendment_secret_ballots',
  'amendment_round_extensions',
  'amendment_round_reminders',
  'amendment_proxy_uses',
  // Handed-on votes: who carries whose vote, in which rounds it was used (never what was answered).
  'proxies',
  'proxy_uses',
  'proxy_settings',
  'audit_events',
] as const

/** Tables left out on purpose, and why. A table in neither list fails the archive's tests. */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  sessions: 'login sessions hold secrets; everybody logs in anew',
  setup_tokens: 'setup and invitation links are secrets; new ones are issued after the import',
  app_secrets: 'keys of this installation (signed links); the new one makes its own',
  calendar_feeds: 'a personal calendar address is a secret; people make a new one',
  mail_outbox: 'the queue of outgoing mail holds setup links and belongs to the old server',
  kysely_migration: 'the schema version; the archive lists the migrations in `schema`',
  kysely_migration_lock: 'the migrator’s lock',
  sqlite_sequence: 'SQLite’s counters; they follow the imported ids',
}

/** Columns left out of archived tables: no password hashes leave the installation. */
export const EXCLUDED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  people: ['password_hash'],
}

/** A stored value: SQLite's text, integer, real, null, or a blob as base64. */
export type ArchiveValue = string | number | null | { base64: string }

export type ArchiveRow = Record<string, ArchiveValue>

export interface Archive {
  format: typeof ARCHIVE_FORMAT
  version: number
  /** ISO 8601, UTC: the one field that differs between two exports of the same data. */
  exportedAt: string
  /** The migrations the exporting installation had applied, oldest first. */
  schema: string[]
  tables: Record<string, ArchiveRow[]>
  /**
   * Each live draft as readable text (ProseMirror JSON and HTML), for whoever moves to another
   * tool: the Yjs updates in `doc_updates` are what an import restores; this is derived from
   * them and not read back.
   */
  drafts: Record<string, { content: unknown; html: string }>
}

/** A value as the archive holds it. */
export function toArchiveValue(value: unknown): ArchiveValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') }
  throw new Error(`a stored value of an unexpected type: ${typeof value}`)
}

/** A value as the database takes it. */
export function fromArchiveValue(value: ArchiveValue): string | number | null | Buffer {
  if (value !== null && typeof value === 'object') return Buffer.from(value.base64, 'base64')
  return value
}

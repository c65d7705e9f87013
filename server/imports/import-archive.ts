import type { PersonRow } from '../../db/schema/index.ts'
import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { verifyAuditChain, type AuditVerification } from '../audit/verify-audit.ts'
import type { Deps } from '../deps.ts'
import { listPeople } from '../people/person.repo.ts'
import { ARCHIVED_TABLES, EXCLUDED_COLUMNS, EXCLUDED_TABLES, fromArchiveValue } from '../exports/archive-format.ts'
import {
  appliedMigrations,
  deferForeignKeys,
  dropTriggers,
  foreignKeyViolations,
  hasRows,
  restoreTriggers,
  rowInserter,
  tableColumns,
  tableNames,
} from '../exports/archive.repo.ts'
import { checkArchive } from './check-archive.ts'

export interface ArchiveImport {
  /** Rows written, per table. */
  counts: Record<string, number>
  /** The admins of the restored installation: they get links to set a password (none came along). */
  admins: Array<Pick<PersonRow, 'id' | 'name' | 'email'>>
  /** The restored audit log, checked link by link. */
  audit: AuditVerification
}

/**
 * Restores an archive (see exports/archive-format.ts) into an empty installation, all of it or
 * nothing, in one transaction. Refuses an installation that holds data, an archive of a newer
 * format or of a schema this installation does not know, and rows the database would not take.
 * Rows are written as they were stored: ids, times and the audit log's hashes stay what they were.
 */
export function importArchive(deps: Pick<Deps, 'db'>, input: unknown): ArchiveImport {
  const archive = checkArchive(input)
  const db = deps.db
  const known = new Set(appliedMigrations(db))
  const unknown = archive.schema.find((migration) => !known.has(migration))
  if (unknown) fail('validation', { key: 'archive.schema_newer', params: { migration: unknown } })

  const present = new Set(tableNames(db))
  const archived = new Set<string>(ARCHIVED_TABLES)
  const columnsOf = new Map<string, Set<string>>()
  for (const [table, rows] of Object.entries(archive.tables)) {
    if (!archived.has(table) || !present.has(table)) fail('validation', { key: 'archive.table_unknown', params: { table } })
    const excluded = EXCLUDED_COLUMNS[table] ?? []
    const columns = new Set(tableColumns(db, table).map((c) => c.name).filter((name) => !excluded.includes(name)))
    columnsOf.set(table, columns)
    for (const row of rows) {
      const column = Object.keys(row).find((name) => !columns.has(name))
      if (column !== undefined) fail('validation', { key: 'archive.column_unknown', params: { table, column } })
    }
  }

  return transaction(db, () => {
    // Checked inside the transaction: nobody may write between the check and the import.
    for (const table of present) {
      if (!(table in EXCLUDED_TABLES) && hasRows(db, table)) fail('conflict', { key: 'archive.not_empty', params: { table } })
    }
    deferForeignKeys(db)
    const triggers = dropTriggers(db)
    const counts: Record<string, number> = {}
    for (const [table, rows] of Object.entries(archive.tables)) {
      const inserters = new Map<string, ReturnType<typeof rowInserter>>()
      rows.forEach((row, index) => {
        const columns = Object.keys(row)
        const signature = columns.join('\u0000')
        let insert = inserters.get(signature)
        if (!insert) inserters.set(signature, (insert = rowInserter(db, table, columns)))
        try {
          insert.run(...columns.map((name) => fromArchiveValue(row[name]!)))
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error)
          fail('validation', { key: 'archive.row_refused', params: { table, row: index + 1, reason } })
        }
      })
      counts[table] = rows.length
    }
    const dangling = foreignKeyViolations(db)[0]
    if (dangling) fail('validation', { key: 'archive.dangling', params: { table: dangling.table, parent: dangling.parent } })
    restoreTriggers(db, triggers)
    const admins = listPeople(db)
      .filter((p) => p.is_admin === 1 && p.disabled === 0)
      .map(({ id, name, email }) => ({ id, name, email }))
    return { counts, admins, audit: verifyAuditChain(db) }
  })
}

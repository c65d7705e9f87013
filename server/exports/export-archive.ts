import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { renderHtml } from '../content/render-html.ts'
import { yDocToProseMirrorJson } from '../content/ydoc-to-json.ts'
import { buildDoc, readStoredLog } from '../sync/load-doc.ts'
import type { Deps } from '../deps.ts'
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, ARCHIVED_TABLES, EXCLUDED_COLUMNS, toArchiveValue, type Archive, type ArchiveRow } from './archive-format.ts'
import { appliedMigrations, readSnapshot, tableColumns, tableNames, tableRows } from './archive.repo.ts'

/**
 * The whole installation as one document (see archive-format.ts). Read in one transaction, so
 * the tables agree with each other even while the server keeps writing. The export itself is
 * recorded in the audit log after the document was taken, so two exports of the same data are
 * equal apart from `exportedAt`.
 */
export function buildArchive(deps: Pick<Deps, 'db' | 'now'>): Archive {
  return readSnapshot(deps.db, () => {
    const present = new Set(tableNames(deps.db))
    const tables: Record<string, ArchiveRow[]> = {}
    for (const table of ARCHIVED_TABLES) {
      // A table of a later migration is simply empty in an installation that has not had it.
      if (!present.has(table)) continue
      const columns = tableColumns(deps.db, table)
      const excluded = EXCLUDED_COLUMNS[table] ?? []
      const names = columns.map((c) => c.name).filter((name) => !excluded.includes(name))
      const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name)
      tables[table] = tableRows(deps.db, table, names, key.length ? key : names).map((row) => {
        const out: ArchiveRow = {}
        for (const name of names) out[name] = toArchiveValue(row[name])
        return out
      })
    }
    const drafts: Archive['drafts'] = {}
    for (const position of tables.positions ?? []) {
      const id = String(position.id)
      const doc = buildDoc(readStoredLog(deps.db, id).updates)
      try {
        const content = yDocToProseMirrorJson(doc)
        drafts[id] = { content, html: renderHtml(content) }
      } finally {
        doc.destroy()
      }
    }
    return {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: new Date(deps.now()).toISOString(),
      schema: appliedMigrations(deps.db),
      tables,
      drafts,
    } satisfies Archive
  })
}

/** The archive as text: one table per line group, one row per line, so it diffs and greps well. */
export function archiveText(archive: Archive): string {
  const head = JSON.stringify({ format: archive.format, version: archive.version, exportedAt: archive.exportedAt, schema: archive.schema })
  const tables = Object.entries(archive.tables).map(([name, rows]) => {
    if (rows.length === 0) return `${JSON.stringify(name)}: []`
    return `${JSON.stringify(name)}: [\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]`
  })
  const drafts = Object.entries(archive.drafts).map(([id, draft]) => `${JSON.stringify(id)}: ${JSON.stringify(draft)}`)
  return `${head.slice(0, -1)},\n"tables": {\n${tables.join(',\n')}\n},\n"drafts": {\n${drafts.join(',\n')}\n}}\n`
}

/** An admin's download of the archive (or the operator's, from the command line: `actor` null). */
export function exportArchive(deps: Pick<Deps, 'db' | 'now'>, actor: Actor | null): { archive: Archive; text: string } {
  if (actor && !can(actor, { type: 'admin.manage' })) fail('forbidden')
  const archive = buildArchive(deps)
  const counts = Object.fromEntries(Object.entries(archive.tables).map(([name, rows]) => [name, rows.length]))
  transaction(deps.db, () =>
    recordAudit(deps, { actorId: actor?.id ?? null, action: 'installation.export', objectType: 'installation', objectId: 'installation', data: { counts } }),
  )
  return { archive, text: archiveText(archive) }
}

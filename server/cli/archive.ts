import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fail } from '../../shared/errors.ts'
import { createInviteLink } from '../auth/setup-links.ts'
import { exportArchive } from '../exports/export-archive.ts'
import { parseArchiveText } from '../imports/check-archive.ts'
import { importArchive } from '../imports/import-archive.ts'
import type { CliContext } from './main.ts'

function oneFile(args: string[], missing: () => never, t: CliContext['t']): string {
  const [target, ...rest] = args
  if (!target || target.startsWith('-')) missing()
  if (rest.length) fail('validation', t('cli.option_unknown', { option: rest.join(' ') }))
  return resolve(target)
}

/** `export <file>`: the whole installation as one JSON archive. Never overwrites a file. */
export async function exportCommand(args: string[], { deps, t, print }: CliContext): Promise<void> {
  const file = oneFile(args, () => fail('validation', t('cli.export_missing_file')), t)
  if (existsSync(file)) fail('conflict', t('cli.backup_exists', { file }))
  const { archive, text } = exportArchive(deps, null)
  writeFileSync(file, text, { flag: 'wx' })
  const tables = Object.values(archive.tables)
  print(t('cli.export_done', { file, rows: tables.reduce((sum, rows) => sum + rows.length, 0), tables: tables.length }))
}

/**
 * `import <file>`: restores an archive into this (empty) installation, then prints a link for
 * each admin to set a password: passwords never leave an installation.
 */
export async function importCommand(args: string[], { deps, t, print }: CliContext): Promise<void> {
  const file = oneFile(args, () => fail('validation', t('cli.import_missing_file')), t)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    fail('validation', t('cli.import_unreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }))
  }
  const result = importArchive(deps, parseArchiveText(text))
  const counts = Object.values(result.counts)
  print(t('cli.import_done', { rows: counts.reduce((sum, n) => sum + n, 0), tables: counts.length }))
  print(result.audit.ok ? t('cli.import_audit_ok', { n: result.audit.events }) : t('cli.import_audit_broken'))
  if (result.admins.length === 0) {
    print(t('cli.import_no_admin'))
    return
  }
  const links = result.admins.map((admin) => ({ admin, link: createInviteLink(deps, admin.id) }))
  const until = new Date(links[0]!.link.expiresAt).toISOString().slice(0, 16).replace('T', ' ')
  print(t('cli.import_passwords', { until }))
  for (const { admin, link } of links) print(`  ${admin.name} <${admin.email}>: ${link.url}`)
}

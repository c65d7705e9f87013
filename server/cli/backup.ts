import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fail } from '../../shared/errors.ts'
import type { CliContext } from './main.ts'

/**
 * `backup <file>`: SQLite's online backup, consistent even while the server keeps writing.
 * Never overwrites: an existing file may be the only good backup someone has.
 */
export async function backup(args: string[], { deps, t, print }: CliContext): Promise<void> {
  const [target, ...rest] = args
  if (!target || target.startsWith('-')) fail('validation', t('cli.backup_missing_file'))
  if (rest.length) fail('validation', t('cli.option_unknown', { option: rest.join(' ') }))
  const file = resolve(target)
  if (existsSync(file)) fail('conflict', t('cli.backup_exists', { file }))
  const result = await deps.db.sqlite.backup(file)
  print(t('cli.backup_done', { file, pages: result.totalPages }))
}

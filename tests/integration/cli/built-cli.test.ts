import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../../db/connection.ts'

// `npm run cli` runs what the build made (server/dist/cli.js, built by this project's
// globalSetup), with plain node: the commands an admin types after a fresh clone.
const CLI = fileURLToPath(new URL('../../../server/dist/cli.js', import.meta.url))
const run = promisify(execFile)
const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-built-cli-'))
const env = { ...process.env, DATA_DIR: dataDir, LANG: 'de_DE.UTF-8', LC_ALL: '' }

afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

it('creates an admin and writes a backup with the built CLI, run by node', async () => {
  const created = await run(process.execPath, [CLI, 'create-admin', '--email', 'anna@example.org', '--name', 'Anna Beispiel', '--password', 'ein langer Satz als Passwort'], { env })
  expect(created.stdout).toContain('anna@example.org')

  const target = join(dataDir, 'sicherung.sqlite')
  const saved = await run(process.execPath, [CLI, 'backup', target], { env })
  expect(saved.stdout).toContain(target)
  const copy = openDatabase(target)
  try {
    expect(copy.sqlite.prepare('select email from people').pluck().all()).toEqual(['anna@example.org'])
  } finally {
    closeDatabase(copy)
  }
})

it('refuses to overwrite an existing backup, with exit code 1 and the reason', async () => {
  const target = join(dataDir, 'vorhanden.sqlite')
  await run(process.execPath, [CLI, 'backup', target], { env })
  expect(existsSync(target)).toBe(true)
  const refused = await run(process.execPath, [CLI, 'backup', target], { env }).then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  )
  expect(refused?.code).toBe(1)
  expect(refused?.stderr).toContain(target)
})

it('exports the installation and imports it elsewhere with the built CLI', async () => {
  const file = join(dataDir, 'archiv.json')
  const exported = await run(process.execPath, [CLI, 'export', file], { env })
  expect(exported.stdout).toContain(file)
  const elsewhere = mkdtempSync(join(tmpdir(), 'sprachrohr-built-cli-import-'))
  try {
    const imported = await run(process.execPath, [CLI, 'import', file], { env: { ...env, DATA_DIR: elsewhere } })
    expect(imported.stdout).toContain('Archiv eingespielt')
    const verified = await run(process.execPath, [CLI, 'verify-audit'], { env: { ...env, DATA_DIR: elsewhere } })
    expect(verified.stdout).toContain('unversehrt')
  } finally {
    rmSync(elsewhere, { recursive: true, force: true })
  }
})

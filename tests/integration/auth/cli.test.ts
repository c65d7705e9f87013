import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../server/cli/main.ts'

function cli(dataDir: string) {
  const out: string[] = []
  const err: string[] = []
  const env = { DATA_DIR: dataDir, PUBLIC_URL: 'http://localhost:3000', LANG: 'de_DE.UTF-8' }
  const run = (...argv: string[]) => runCli(argv, { env, print: (l) => out.push(l), printError: (l) => err.push(l) })
  return { run, out, err }
}

const ADMIN = ['create-admin', '--email', 'Admin@Buendnis.example', '--name', 'Hanna Vogel', '--password', 'Gemeinsam sind wir laut']

describe('create-admin', () => {
  it('creates an admin in a fresh database (migrating it first)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sprachrohr-cli-'))
    const { run, out } = cli(dir)
    expect(await run(...ADMIN)).toBe(0)
    expect(out.join('\n')).toContain('Administration angelegt: Hanna Vogel <admin@buendnis.example>')
    const db = new BetterSqlite3(join(dir, 'sprachrohr.sqlite'), { readonly: true })
    const row = db.prepare('select email, is_admin, password_hash from people').get() as { email: string; is_admin: number; password_hash: string }
    db.close()
    expect(row).toMatchObject({ email: 'admin@buendnis.example', is_admin: 1 })
    expect(row.password_hash).toMatch(/^\$argon2id\$/)
  })

  it('fails with exit code 1 and a clear message on bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sprachrohr-cli-'))
    const { run, err } = cli(dir)
    expect(await run('create-admin', '--email', 'a@example.org', '--name', 'A')).toBe(1)
    expect(err.pop()).toContain('Die Angabe --password fehlt.')
    expect(await run('create-admin', '--email', 'a@example.org', '--name', 'A', '--password', 'password')).toBe(1)
    expect(err.pop()).toContain('zu bekannt')
    expect(await run('create-admin', '--email', 'a@example.org', '--name', 'A', '--password', 'kurz')).toBe(1)
    expect(err.pop()).toContain('mindestens 8 Zeichen')
    expect(await run('create-admin', '--email', 'keine-adresse', '--name', 'A', '--password', 'Gemeinsam sind wir laut')).toBe(1)
    expect(err.pop()).toContain('gültige E-Mail-Adresse')
    expect(await run('create-admin', '--mail', 'a@example.org')).toBe(1)
    expect(err.pop()).toContain('Unbekannte Angabe: --mail')
    expect(await run(...ADMIN)).toBe(0)
    expect(await run(...ADMIN)).toBe(1)
    expect(err.pop()).toContain('Diese E-Mail-Adresse wird schon verwendet.')
  })

  it('refuses an unknown command with the usage', async () => {
    const { run, err } = cli(mkdtempSync(join(tmpdir(), 'sprachrohr-cli-')))
    expect(await run('frobnicate')).toBe(1)
    expect(err.join('\n')).toContain('Unbekannter Befehl „frobnicate“')
    expect(err.join('\n')).toContain('create-admin')
  })
})

describe('backup', () => {
  it('writes a consistent copy of the database to a new file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sprachrohr-cli-'))
    const { run, out } = cli(dir)
    expect(await run(...ADMIN)).toBe(0)
    const target = join(dir, 'sicherung.sqlite')
    expect(await run('backup', target)).toBe(0)
    expect(out.join('\n')).toContain('Sicherung geschrieben')
    const copy = new BetterSqlite3(target, { readonly: true })
    expect(copy.prepare('select email from people').all()).toEqual([{ email: 'admin@buendnis.example' }])
    copy.close()
  })

  it('never overwrites an existing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sprachrohr-cli-'))
    const { run, err } = cli(dir)
    const target = join(dir, 'wichtig.sqlite')
    writeFileSync(target, 'die einzige gute Sicherung')
    expect(await run('backup', target)).toBe(1)
    expect(err.pop()).toContain('wird nicht überschrieben')
    expect(existsSync(target)).toBe(true)
  })

  it('asks for the target file when it is missing', async () => {
    const { run, err } = cli(mkdtempSync(join(tmpdir(), 'sprachrohr-cli-')))
    expect(await run('backup')).toBe(1)
    expect(err.pop()).toContain('Zieldatei')
  })
})

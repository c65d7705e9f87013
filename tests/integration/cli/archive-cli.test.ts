import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commands, runCli } from '../../../server/cli/main.ts'
import { translator } from '../../../shared/i18n/index.ts'

function cli(dataDir: string) {
  const out: string[] = []
  const err: string[] = []
  const env = { DATA_DIR: dataDir, PUBLIC_URL: 'http://localhost:3000', LANG: 'de_DE.UTF-8' }
  const run = (...argv: string[]) => runCli(argv, { env, print: (l) => out.push(l), printError: (l) => err.push(l) })
  return { run, out, err }
}

const fresh = () => mkdtempSync(join(tmpdir(), 'sprachrohr-archive-cli-'))

describe('npm run cli -- export / import', () => {
  it('moves an installation: export, import into an empty one, links for the admins, the log verifies', async () => {
    const old = cli(fresh())
    expect(await old.run('demo')).toBe(0)
    const file = join(fresh(), 'archiv.json')
    expect(await old.run('export', file)).toBe(0)
    expect(old.out.at(-1)).toMatch(/^Archiv geschrieben: .*archiv\.json \(\d+ Zeilen aus \d+ Tabellen\)\.$/)
    expect(await old.run('export', file)).toBe(1)
    expect(old.err.pop()).toContain('wird nicht überschrieben')

    const moved = cli(fresh())
    expect(await moved.run('import', file)).toBe(0)
    const text = moved.out.join('\n')
    expect(text).toMatch(/Archiv eingespielt: \d+ Zeilen in \d+ Tabellen\./)
    expect(text).toContain('Protokoll geprüft')
    expect(text).toMatch(/Sabine Hoffmann <sabine\.hoffmann@example\.org>: http:\/\/localhost:3000\/setup\/\S+/)
    expect(await moved.run('verify-audit')).toBe(0)

    // A second import would mix two installations: refused, with the reason.
    expect(await moved.run('import', file)).toBe(1)
    expect(moved.err.pop()).toContain('nur in eine leere Installation')
  }, 60_000)

  it('refuses what is not an archive, or of a newer format, with exit code 1 and the reason', async () => {
    const dir = fresh()
    const { run, err } = cli(dir)
    const notJson = join(dir, 'brief.docx')
    writeFileSync(notJson, 'PK\u0003\u0004 kein JSON')
    expect(await run('import', notJson)).toBe(1)
    expect(err.pop()).toContain('kein Sprachrohr-Archiv')
    const newer = join(dir, 'neu.json')
    writeFileSync(newer, JSON.stringify({ format: 'sprachrohr-archive', version: 7, exportedAt: '2030-01-01T00:00:00.000Z', schema: [], tables: {} }))
    expect(await run('import', newer)).toBe(1)
    expect(err.pop()).toContain('Bitte Sprachrohr zuerst aktualisieren')
    expect(await run('import', join(dir, 'fehlt.json'))).toBe(1)
    expect(err.pop()).toContain('ENOENT')
    expect(await run('import')).toBe(1)
    expect(err.pop()).toContain('npm run cli -- import <Datei>')
    expect(readFileSync(newer, 'utf8')).toContain('"version":7')
  })
})

describe('the usage text', () => {
  it('lists every command the CLI runs, in German and English', async () => {
    for (const locale of ['de', 'en'] as const) {
      const usage = translator(locale)('cli.usage')
      for (const name of Object.keys(commands)) expect(usage, `${locale}: ${name}`).toMatch(new RegExp(`^  ${name}( |$)`, 'm'))
    }
    const { run, out } = cli(fresh())
    expect(await run('help')).toBe(0)
    expect(out.join('\n')).toContain('verify-audit')
  })
})

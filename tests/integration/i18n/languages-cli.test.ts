import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../server/cli/main.ts'
import { GERMAN } from '../../../shared/i18n/index.ts'

const PACKS = fileURLToPath(new URL('./packs', import.meta.url))

function cli(languagesDir: string) {
  const out: string[] = []
  const err: string[] = []
  const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'sprachrohr-cli-')), PUBLIC_URL: 'http://localhost:3000', LANG: 'de_DE.UTF-8', LANGUAGES_DIR: languagesDir }
  const run = (...argv: string[]) => runCli(argv, { env, print: (l) => out.push(l), printError: (l) => err.push(l) })
  return { run, out, err }
}

describe('npm run cli -- languages', () => {
  it('lists the languages and, per pack, the keys it lacks', async () => {
    const { run, out } = cli(PACKS)
    expect(await run('languages')).toBe(0)
    const total = Object.keys(GERMAN).length
    expect(out).toContain('de – Deutsch: eingebaut, vollständig')
    expect(out).toContain(`fr – Français (ltr): 11 von ${total} Texten übersetzt; ${total - 11} fehlen und erscheinen auf Deutsch:`)
    const fr = out.slice(out.findIndex((l) => l.startsWith('fr ')), out.findIndex((l) => l.startsWith('he ')))
    expect(fr).toContain('  nav.logout')
    expect(fr).not.toContain('  nav.start')
    expect(out).toContain(`he – עברית (rtl): 0 von ${total} Texten übersetzt; ${total} fehlen und erscheinen auf Deutsch:`)
  })

  it('fails on a wrong pack, naming its file, the key and the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sprachrohr-bad-pack-'))
    writeFileSync(join(dir, 'fr.json'), JSON.stringify({ name: 'Français', messages: { 'me.intro': 'Connecté·e avec {mail}.' } }))
    const { run, err } = cli(dir)
    expect(await run('languages')).toBe(1)
    expect(err.join('\n')).toMatch(/fr\.json refused:\n\s+- key "me\.intro": placeholder \{mail\} is not in the German text/)
  })
})

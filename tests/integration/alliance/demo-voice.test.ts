import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../../db/connection.ts'
import { readAlliance } from '../../../server/alliance/read-alliance.ts'
import { listedInitiatives } from '../../../server/alliance/alliance.repo.ts'
import { runCli } from '../../../server/cli/main.ts'
import { listPublications } from '../../../server/publishing/publication.repo.ts'
import { publishedTranslationsOf } from '../../../server/translations/translation.repo.ts'

describe('the demo alliance’s public voice', () => {
  it('has a profile with logo, named initiatives, and a published position in Arabic and Ukrainian', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-demo-voice-'))
    const code = await runCli(['demo'], { env: { DATA_DIR: dataDir, LANG: 'de_DE.UTF-8' }, print: () => {}, printError: (l) => expect.fail(l) })
    expect(code).toBe(0)
    const db = openDatabase(join(dataDir, 'sprachrohr.sqlite'))
    try {
      const alliance = readAlliance(db, 'http://localhost:3000')
      expect(alliance).toMatchObject({ name: 'Bündnis Bleiberecht Niedersachsen', contactEmail: 'kontakt@bleiberecht-niedersachsen.example', imprintHref: '/impressum', privacyHref: '/datenschutz' })
      expect(alliance.logo).toMatchObject({ type: 'image/png', width: 240, height: 80 })
      expect(listedInitiatives(db).map((i) => i.name)).toContain('Refugee Law Clinic Göttingen')
      const published = listPublications(db).find((p) => p.title === 'Unabhängige Beschwerdestelle für Unterkünfte')!
      const translations = publishedTranslationsOf(db, published.position_id)
      expect(translations.map((tr) => [tr.language, tr.status])).toEqual([
        ['ar', 'published'],
        ['uk', 'published'],
      ])
    } finally {
      closeDatabase(db)
    }
  })
})

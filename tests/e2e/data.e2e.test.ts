import { readFileSync } from 'node:fs'
import mammoth from 'mammoth'
import type { Browser, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../support/csv.ts'
import { wordFile } from '../support/docx-fixtures.ts'
import { apiAs, expectStatus, type ApiClient } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { FIRST_ADMIN, seedFirstAdmin } from './support/seed.ts'
import { seedDelegate, seedInitiative } from './support/seed-alliance.ts'
import { seedPosition, seedRound } from './support/seed-position.ts'
import { startServer, type E2eServer } from './support/server.ts'

// One story: a coordinator imports a Word file into her working group, downloads the draft as
// Word, the initiatives decide on it, and she downloads the round's result as CSV.
describe('data in and out: a Word file in, Word and CSV out', () => {
  let server: E2eServer
  let browser: Browser
  let admin: ApiClient
  let lena: Page
  let groupSlug: string
  let groupId: string
  let positionId: string

  const PASSWORD = 'Sonntags backen wir Brot für das Hoffest'
  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: PASSWORD }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@refugees-welcome.example', password: PASSWORD }
  const INITIATIVES = ['Internationales Café Winsen', 'Refugees Welcome Lüneburg']

  async function download(page: Page, link: ReturnType<Page['getByRole']>): Promise<Buffer> {
    const [file] = (await Promise.all([page.waitForEvent('download'), link.click()])) as [Download, void]
    return readFileSync((await file.path())!)
  }

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    admin = await seedFirstAdmin(server, FIRST_ADMIN)
    const group = expectStatus(await admin.post('/api/groups', { name: 'AG Sprache' }), 201, 'group') as { id: string; slug: string }
    groupSlug = group.slug
    groupId = group.id
    for (const [i, person] of [LENA, MURAT].entries()) {
      const initiativeId = await seedInitiative(admin, { name: INITIATIVES[i]! })
      await seedDelegate(admin, person, { initiativeId, groupId: group.id, coordinator: i === 0 })
    }
    lena = await (await newContext(browser, { acceptDownloads: true })).newPage()
    await login(lena, server.url, LENA.email, LENA.password)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('imports a Word file from the group page and shows what was left out', async () => {
    await lena.goto(`${server.url}/groups/${groupSlug}`)
    await clickAndWait(lena, lena.getByRole('link', { name: 'Oder aus einer Datei importieren (Word, Markdown, Text)' }))
    await checkPage(lena, 'data-01-import-form')
    await lena.getByLabel('Datei', { exact: true }).setInputFiles({
      name: 'sprachkurse.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await wordFile(),
    })
    await clickAndWait(lena, lena.getByRole('button', { name: 'Importieren' }))
    const report = lena.getByRole('region', { name: 'Importiert' })
    await expect(report.textContent()).resolves.toContain('„Sprachkurse für alle“ wurde als neue Position angelegt.')
    await expect(report.textContent()).resolves.toContain('Tabellen: 1')
    await expect(report.textContent()).resolves.toContain('Bilder: 1')
    await checkPage(lena, 'data-02-import-report')
    await clickAndWait(lena, report.getByRole('link', { name: 'Zur Position „Sprachkurse für alle“' }))
    positionId = new URL(lena.url()).pathname.split('/')[2]!
    await expect(lena.locator('.editor').textContent()).resolves.toContain('monatelang')
    await checkPage(lena, 'data-03-imported-position')
  })

  it('downloads the draft as a Word file with the text in it', async () => {
    const docx = await download(lena, lena.getByRole('link', { name: 'als Word-Datei (.docx)' }))
    const { value } = await mammoth.convertToHtml({ buffer: docx })
    expect(value).toContain('<strong>monatelang</strong>')
    expect(value).toContain('Kinderbetreuung während der Kurse')
  })

  it('downloads a decided round’s result as CSV from the round page, and shows the history', async () => {
    const lenaApi = await apiAs(server, LENA)
    const roundId = await seedRound(lenaApi, positionId, { kind: 'vote', majority: 'simple', quorum: 0.5, closesAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString() })
    for (const [person, choice] of [
      [LENA, 'yes'],
      [MURAT, 'no'],
    ] as const) {
      const client = await apiAs(server, person)
      expectStatus(await client.put(`/api/rounds/${roundId}/ballot`, { choice }), 200, 'ballot')
    }
    expectStatus(await lenaApi.post(`/api/rounds/${roundId}/close`), 200, 'close')

    await lena.goto(`${server.url}/rounds/${roundId}`)
    await checkPage(lena, 'data-04-round-result')
    const csv = parseCsv((await download(lena, lena.getByRole('link', { name: 'Ergebnis als Tabelle (CSV)' }))).toString('utf8'))
    expect(csv[0]).toEqual(['voter', 'voter_id', 'answer', 'weight', 'cast_by', 'cast_at', 'reason'])
    expect(csv.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual([
      [INITIATIVES[0], 'yes', LENA.name],
      [INITIATIVES[1], 'no', MURAT.name],
    ])

    await lena.goto(`${server.url}/positions/${positionId}/history`)
    await expect(lena.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Verlauf der Position')
    await expect(lena.locator('ol.history').textContent()).resolves.toContain('Aus der Datei „sprachkurse.docx“ importiert')
    await checkPage(lena, 'data-05-history')
  })

  it('takes a file into an empty draft from the position page; a wrong file is refused on the form', async () => {
    const createdId = await seedPosition(await apiAs(server, LENA), groupId, 'Sprachcafés in jedem Landkreis')
    await lena.goto(`${server.url}/positions/${createdId}`)
    await lena.getByText('Text aus einer Datei übernehmen (Word, Markdown, Text)').click()
    await checkPage(lena, 'data-06-draft-import-form')
    await lena.getByLabel('Datei', { exact: true }).setInputFiles({ name: 'foto.docx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) })
    await clickAndWait(lena, lena.getByRole('button', { name: 'In den Entwurf übernehmen' }))
    await expect(lena.locator('#error-summary').textContent()).resolves.toContain('Die Datei lässt sich nicht lesen.')
    await checkPage(lena, 'data-07-draft-import-refused')
    await lena.getByLabel('Datei', { exact: true }).setInputFiles({ name: 'sprachcafes.md', mimeType: 'text/markdown', buffer: Buffer.from('## Warum\n\nSprachcafés bringen Nachbarn zusammen.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n') })
    await clickAndWait(lena, lena.getByRole('button', { name: 'In den Entwurf übernehmen' }))
    await expect(lena.locator('.import-report').textContent()).resolves.toContain('Der Text der Datei steht jetzt im Entwurf.')
    await expect(lena.locator('.editor').textContent()).resolves.toContain('Sprachcafés bringen Nachbarn zusammen.')
    await checkPage(lena, 'data-08-draft-imported')
  })

  it('lets the admin download the whole installation as one archive', async () => {
    const page = await (await newContext(browser, { acceptDownloads: true })).newPage()
    await login(page, server.url, FIRST_ADMIN.email, FIRST_ADMIN.password)
    await page.goto(`${server.url}/admin`)
    await checkPage(page, 'data-09-admin-archive')
    const archive = JSON.parse((await download(page, page.getByRole('link', { name: 'Archiv herunterladen (JSON)' }))).toString('utf8')) as { format: string; tables: Record<string, unknown[]> }
    expect(archive.format).toBe('sprachrohr-archive')
    expect(archive.tables.positions).toHaveLength(2)
    expect(JSON.stringify(archive)).not.toContain('$argon2')
  })
})

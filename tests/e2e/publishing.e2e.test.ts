import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, apiAs, apiLogin, expectStatus, type ApiClient } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { writeDraft } from './support/draft-writer.ts'
import { pageAs } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { SCREENSHOT_DIR } from './support/screenshots.ts'
import { FIRST_ADMIN, seedFirstAdmin, seedPerson } from './support/seed.ts'
import { seedDelegate, seedGroup, seedInitiative } from './support/seed-alliance.ts'
import { seedPosition, seedRound } from './support/seed-position.ts'
import { startServer, type E2eServer } from './support/server.ts'

const run = promisify(execFile)

// One story, in order: a position written and adopted by consent is published by a
// spokesperson; an anonymous visitor finds and reads it; a delegate co-signs it from the start
// page, and the visitor sees the initiative listed. Screenshots and the PDF (as PNG) land in
// tests/e2e/screenshots/ for people to look at.
describe('publishing an adopted position', () => {
  let server: E2eServer
  let browser: Browser
  let admin: ApiClient
  let positionId: string
  let publicPath: string
  let visitor: Page

  const PASSWORD = 'Sonntags backen wir Brot für das Hoffest'
  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: PASSWORD }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@refugees-welcome.example', password: PASSWORD }
  const AMINA = { name: 'Amina Haddad', email: 'amina@fluechtlingshilfe.example', password: PASSWORD }
  const JOSEF = { name: 'Josef Brandt', email: 'josef@buendnis.example', password: PASSWORD }
  const TITLE = 'Wohnraum für Geflüchtete: Wohnungen statt Sammelunterkünfte'
  const SUMMARY = 'Das Bündnis fordert, dass Geflüchtete so schnell wie möglich in eigene Wohnungen ziehen können.'
  const INITIATIVES = ['Internationales Café Winsen', 'Refugees Welcome Lüneburg', 'Flüchtlingshilfe Bardowick']

  // Names and quotes in the scripts of the people the alliance works with: the PDF must print them.
  const VOICES = { turkish: 'Ayşe Yılmaz', arabic: 'محمد علي', persian: 'زهرا احمدی', ukrainian: 'Олена Шевченко', tigrinya: 'ሰላም ተስፋይ' }
  const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) })
  const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content })
  const item = (value: string) => ({ type: 'listItem', content: [paragraph(text(value))] })
  const CONTENT = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text('Worum es geht')] },
      paragraph(
        text('Viele Geflüchtete leben jahrelang in '),
        text('Sammelunterkünften', [{ type: 'bold' }]),
        text(', ohne Privatsphäre und ohne Ruhe zum Lernen. Das macht krank und verhindert, dass Menschen ankommen. Mehr dazu in der '),
        text('Studie des Flüchtlingsrats', [{ type: 'link', attrs: { href: 'https://example.org/studie-wohnen' } }]),
        text('.'),
      ),
      { type: 'heading', attrs: { level: 2 }, content: [text('Unsere Forderungen')] },
      {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [
          item('Die Stadt vermittelt Wohnungen aktiv und übernimmt Mietbürgschaften.'),
          item('Wer eine Wohnung findet, darf sofort aus der Unterkunft ausziehen.'),
          item('Beratung zu Mietverträgen in den Sprachen der Menschen, die hier ankommen.'),
        ],
      },
      { type: 'heading', attrs: { level: 3 }, content: [text('Was wir selbst tun')] },
      {
        type: 'bulletList',
        content: [item('Wir begleiten zu Besichtigungen.'), item('Wir übersetzen Anzeigen und Verträge.')],
      },
      { type: 'blockquote', content: [paragraph(text('„Eine eigene Tür, die man zumachen kann, ist der Anfang von allem.“'))] },
      { type: 'heading', attrs: { level: 3 }, content: [text('Stimmen aus den Unterkünften')] },
      {
        type: 'bulletList',
        content: [
          item(`${VOICES.turkish}: „Ein Zimmer für vier Personen ist kein Zuhause.“`),
          item(`${VOICES.arabic}: السكن حق للجميع`),
          item(`${VOICES.persian}: مسکن حق همه است`),
          item(`${VOICES.ukrainian}: Житло — це право.`),
          item(`${VOICES.tigrinya}: ገዛ መሰረታዊ መሰል እዩ።`),
        ],
      },
    ],
  }

  /** A logged-in person's page, or a visitor's (null) in a context of their own. */
  async function openAs(account: { email: string; password: string } | null): Promise<Page> {
    return account ? pageAs(browser, server.url, account) : (await newContext(browser)).newPage()
  }

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    admin = await seedFirstAdmin(server, FIRST_ADMIN)
    const initiativeIds: string[] = []
    for (const name of INITIATIVES) initiativeIds.push(await seedInitiative(admin, { name }))
    const groupId = await seedGroup(admin, { name: 'AG Wohnen' })
    const delegates = [LENA, MURAT, AMINA]
    for (const [i, person] of delegates.entries()) await seedDelegate(admin, person, { initiativeId: initiativeIds[i]!, groupId, coordinator: i === 0 })
    await seedPerson(admin, { ...JOSEF, roles: ['spokesperson'] })

    // The text is written through the sync websocket, as the editor would, then decided by consent.
    const lenaCookie = await apiLogin(server, LENA.email, LENA.password)
    const lena = api(server, lenaCookie)
    positionId = await seedPosition(lena, groupId, TITLE)
    await writeDraft(server, lenaCookie, positionId, CONTENT)

    const roundId = await seedRound(lena, positionId, {
      kind: 'consent',
      quorum: 0.5,
      closesAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
    })
    const answers = ['consent', 'consent', 'concern'] as const
    for (const [i, person] of delegates.entries()) {
      const client = await apiAs(server, person)
      expectStatus(await client.put(`/api/rounds/${roundId}/ballot`, { choice: answers[i] }), 200, 'ballot')
    }
    expectStatus(await lena.post(`/api/rounds/${roundId}/close`), 200, 'close round')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('tells the coordinator what comes next and who does it, and offers to archive', async () => {
    const lena = await openAs(LENA)
    await lena.goto(`${server.url}/positions/${positionId}`)
    const next = lena.getByRole('region', { name: 'Wie es weitergeht' })
    await expect(next.textContent()).resolves.toContain('Angenommen — jetzt kann eine Sprecher*in veröffentlichen.')
    await expect(next.textContent()).resolves.toContain(`Sprecher*innen des Bündnisses: ${JOSEF.name}`)
    await expect(lena.getByText('Position archivieren').isVisible()).resolves.toBe(true)
    await checkPage(lena, 'pub-00-position-adopted-next-steps')
  })

  it('lists the adopted position on the spokesperson’s start page', async () => {
    const josef = await openAs(JOSEF)
    const waiting = josef.getByRole('region', { name: 'Zum Veröffentlichen' })
    await expect(waiting.getByRole('link', { name: TITLE }).isVisible()).resolves.toBe(true)
    await checkPage(josef, 'pub-00-start-page-spokesperson')
  })

  it('lets a spokesperson publish the adopted position from its page', async () => {
    const josef = await openAs(JOSEF)
    await josef.goto(`${server.url}/positions/${positionId}`)
    const panel = josef.getByRole('region', { name: 'Veröffentlichung' })
    await expect(panel.isVisible()).resolves.toBe(true)
    await checkPage(josef, 'pub-01-position-page-spokesperson')

    await panel.getByLabel('Kurze Zusammenfassung (freiwillig)').fill(SUMMARY)
    await clickAndWait(josef, panel.getByRole('button', { name: 'Jetzt veröffentlichen' }))
    publicPath = new URL(josef.url()).pathname
    expect(publicPath).toMatch(/^\/p\/[a-z0-9-]+$/)
    await expect(josef.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE)

    await josef.goto(`${server.url}/positions/${positionId}`)
    await josef.getByText('Auf eurer Website einbinden').click()
    await expect(josef.getByLabel('Code zum Kopieren').inputValue()).resolves.toContain(`${server.url}/api/public/positions`)
    await checkPage(josef, 'pub-02-position-page-published')
  })

  it('lets an anonymous visitor find the position and read text and result', async () => {
    visitor = await openAs(null)
    await visitor.goto(server.url)
    await clickAndWait(visitor, visitor.getByRole('main').getByRole('link', { name: 'Veröffentlichte Positionen lesen' }))
    expect(new URL(visitor.url()).pathname).toBe('/p')
    await checkPage(visitor, 'pub-03-public-list')

    await visitor.getByLabel('Suchbegriff').fill('Mietbürgschaften')
    await clickAndWait(visitor, visitor.getByRole('button', { name: 'Suchen' }))
    await expect(visitor.getByRole('status').first().textContent()).resolves.toContain('1 Treffer')
    await clickAndWait(visitor, visitor.getByRole('link', { name: TITLE }))
    expect(new URL(visitor.url()).pathname).toBe(publicPath)

    await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE)
    await expect(visitor.getByText('Wer eine Wohnung findet, darf sofort aus der Unterkunft ausziehen.').isVisible()).resolves.toBe(true)
    const result = await visitor.locator('.public-result').textContent()
    expect(result).toMatch(
      /Im Konsens beschlossen am \d+\. \S+ \d{4}: 3 von 3 Initiativen haben zugestimmt, davon 1 mit Bedenken\. Beteiligung: 3 von 3 Initiativen \(100\s% des Stimmgewichts\)/,
    )
    // No co-signer yet: no section saying so.
    await expect(visitor.getByRole('region', { name: 'Mitgezeichnet von' }).count()).resolves.toBe(0)
    // The answers as a bar, with the figures as its text alternative and as a legend.
    const bar = visitor.getByRole('img', { name: /^Antworten nach Stimmgewicht: Zustimmung: 2 \(Stimmgewicht 2, 67\s%\)/ })
    await expect(bar.isVisible()).resolves.toBe(true)
    await expect(visitor.getByText(/^Zustimmung mit Bedenken: 1 \(Stimmgewicht 1, 33\s%\)$/).isVisible()).resolves.toBe(true)
    const og = await visitor.locator('meta[property="og:description"]').getAttribute('content')
    expect(og).toBe(SUMMARY)
    await checkPage(visitor, 'pub-04-public-position')
  })

  it('lets a delegate co-sign from the start page, and the visitor sees the initiative', async () => {
    const amina = await openAs(AMINA)
    const offers = amina.getByRole('region', { name: 'Zum Mitzeichnen' })
    await expect(offers.getByRole('link', { name: TITLE }).isVisible()).resolves.toBe(true)
    await checkPage(amina, 'pub-05-start-page-offer')
    await clickAndWait(amina, offers.getByRole('button', { name: `Für ${INITIATIVES[2]} mitzeichnen` }))
    expect(new URL(amina.url()).pathname).toBe('/')
    await expect(amina.getByRole('region', { name: 'Zum Mitzeichnen' }).count()).resolves.toBe(0)

    await visitor.reload()
    const signatories = visitor.getByRole('region', { name: 'Mitgezeichnet von' })
    await expect(signatories.getByRole('listitem').allTextContents()).resolves.toEqual([INITIATIVES[2]])
    await checkPage(visitor, 'pub-06-public-position-cosigned')
  })

  it('serves a PDF with title, text, result and co-signer, and prints on A4', async () => {
    const res = await fetch(`${server.url}${publicPath}.pdf`)
    expect(res.status).toBe(200)
    const pdf = Buffer.from(await res.arrayBuffer())
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const file = `${SCREENSHOT_DIR}pub-07-position.pdf`
    writeFileSync(file, pdf)
    await run('pdftoppm', ['-png', '-r', '60', file, `${SCREENSHOT_DIR}pub-07-position-pdf`])
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'])
    const flat = stdout.replace(/\s+/g, ' ')
    expect(flat).toContain(TITLE)
    expect(flat).toContain('Die Stadt vermittelt Wohnungen aktiv und übernimmt Mietbürgschaften.')
    expect(flat).toContain('3 von 3 Initiativen haben zugestimmt, davon 1 mit Bedenken.')
    expect(flat).toContain('Zustimmung mit Bedenken: 1 (Stimmgewicht 1, 33')
    expect(flat).toContain(INITIATIVES[2])
    // Every script prints (Arabic and Persian word by word: pdftotext drops the spaces between
    // right-to-left words and folds the Persian yeh into the Arabic one).
    const fold = (s: string) => s.replace(/\u06cc/g, '\u064a')
    for (const name of Object.values(VOICES)) for (const word of name.split(' ')) expect(fold(flat)).toContain(fold(word))
    expect(flat).toContain('Житло — це право.')
    expect(flat).not.toContain('?')

    // What "print" in the browser gives: the print stylesheet on A4.
    await visitor.emulateMedia({ media: 'print' })
    const printed = await visitor.pdf({ format: 'A4', preferCSSPageSize: true })
    await visitor.emulateMedia({ media: 'screen' })
    const printFile = `${SCREENSHOT_DIR}pub-08-printed.pdf`
    writeFileSync(printFile, printed)
    await run('pdftoppm', ['-png', '-r', '60', printFile, `${SCREENSHOT_DIR}pub-08-printed`])
    const printedText = (await run('pdftotext', ['-enc', 'UTF-8', printFile, '-'])).stdout
    expect(printedText).toContain('Worum es geht')
    expect(printedText).not.toContain('Anmelden')
  })

  it('offers the feed and the JSON to other websites', async () => {
    const feed = await fetch(`${server.url}/feed.atom`)
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    expect(await feed.text()).toContain(`<title>${TITLE}</title>`)
    const list = await fetch(`${server.url}/api/public/positions`, { headers: { origin: 'https://buendnis.example' } })
    expect(list.headers.get('access-control-allow-origin')).toBe('*')
    expect(((await list.json()) as Array<{ title: string }>).map((p) => p.title)).toEqual([TITLE])
  })
})

import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toLocalInput } from '../../shared/zoned-time.ts'
import { api, apiAs, apiLogin } from './support/api.ts'
import { launchBrowser } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { paragraphs, writeDraft } from './support/draft-writer.ts'
import { pageAs } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { FIRST_ADMIN, seedFirstAdmin } from './support/seed.ts'
import { seedDelegate, seedGroup, seedInitiative } from './support/seed-alliance.ts'
import { seedPosition, seedRound } from './support/seed-position.ts'
import { startServer, type E2eServer } from './support/server.ts'

// The flow around a round, in real Chromium: a coordinator opens a round at short notice (which
// needs a reason) with answers hidden until the end; one initiative has two delegates, and the
// second sees who answered and must confirm before replacing it; the round page names who has
// not answered yet; the coordinator extends the deadline, then cancels the round while a third
// delegate still has the form open, and that delegate is told the answer was not counted; the
// draft is editable again; an answer sent after a deadline is told so; a title over the limit is
// refused whole; the coordinator archives the position. Screenshots: tests/e2e/screenshots/round-flow-*.png.
describe('the flow of a round: short notice, who is missing, a colleague, extending, cancelling', () => {
  let server: E2eServer
  let browser: Browser
  let positionId: string
  let positionUrl: string
  let roundUrl: string
  let lena: Page
  let murat: Page
  let selin: Page
  let amina: Page

  const PASSWORD = 'Montags ist die Beratung im Stadtteilladen'
  // Lena coordinates the group (and is the delegate of her initiative); Murat and Selin are both
  // delegates of the second initiative; Amina is the delegate of the third.
  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: PASSWORD }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@refugees-welcome.example', password: PASSWORD }
  const SELIN = { name: 'Selin Arslan', email: 'selin@refugees-welcome.example', password: PASSWORD }
  const AMINA = { name: 'Amina Haddad', email: 'amina@fluechtlingshilfe.example', password: PASSWORD }
  const INITIATIVES = ['Internationales Café Winsen', 'Refugees Welcome Lüneburg', 'Flüchtlingshilfe Bardowick']
  const TITLE = 'Arbeitserlaubnis ohne Wartezeit'
  const DEMAND = 'Wer eine Stelle in Aussicht hat, bekommt die Arbeitserlaubnis innerhalb von zwei Wochen.'
  const URGENT = 'Der Sozialausschuss berät morgen früh; bis dahin brauchen wir unsere Position.'
  const OBJECTION = 'Zwei Wochen sind für die Ausländerbehörde nicht zu schaffen; wir schlagen vier Wochen vor.'

  const main = (page: Page): Locator => page.getByRole('main')
  const editorStatus = (page: Page) => page.evaluate(() => document.querySelector('[data-editor-status]')?.textContent ?? null)

  const openAs = (account: typeof LENA): Promise<Page> => pageAs(browser, server.url, account)

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer({ clock: true }), launchBrowser()])
    const admin = await seedFirstAdmin(server, FIRST_ADMIN)
    const groupId = await seedGroup(admin, { name: 'AG Arbeitsmarkt', description: 'Arbeit, Ausbildung, Anerkennung.' })
    const initiativeIds: string[] = []
    for (const name of INITIATIVES) initiativeIds.push(await seedInitiative(admin, { name }))
    for (const [person, initiative, coordinator] of [
      [LENA, 0, true],
      [MURAT, 1, false],
      [SELIN, 1, false],
      [AMINA, 2, false],
    ] as const) {
      await seedDelegate(admin, person, { initiativeId: initiativeIds[initiative]!, groupId, coordinator })
    }
    const lenaCookie = await apiLogin(server, LENA.email, LENA.password)
    positionId = await seedPosition(api(server, lenaCookie), groupId, TITLE)
    positionUrl = `${server.url}/positions/${positionId}`
    await writeDraft(server, lenaCookie, positionId, paragraphs(DEMAND))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('asks for a reason before opening a round that ends within 24 hours, and hides the majority for consent', async () => {
    lena = await openAs(LENA)
    await lena.goto(positionUrl)
    await lena.locator('.open-round-details > summary').click()
    const form = lena.getByRole('region', { name: 'Runde eröffnen' })
    const majority = form.getByRole('group', { name: 'Nur bei Abstimmungen' })
    await expect(majority.isVisible()).resolves.toBe(false)
    await form.getByRole('radio', { name: 'Abstimmung', exact: true }).check()
    await expect(majority.isVisible()).resolves.toBe(true)
    await form.getByRole('radio', { name: 'Konsensrunde', exact: true }).check()
    await expect(majority.isVisible()).resolves.toBe(false)

    await form.getByRole('radio', { name: 'Verdeckt bis zum Ende' }).check()
    await form.getByLabel('Ende der Runde').fill(toLocalInput(Date.now() + 3 * 3600_000))
    await checkPage(lena, 'round-flow-01-open-form')
    await clickAndWait(lena, form.getByRole('button', { name: 'Runde eröffnen' }))
    await expect(main(lena).getByText('weniger als 24 Stunden entfernt', { exact: false }).first().isVisible()).resolves.toBe(true)
    await checkPage(lena, 'round-flow-02-short-notice-refused')

    const again = lena.getByRole('region', { name: 'Runde eröffnen' })
    await again.getByRole('checkbox', { name: 'Ja, die Runde soll so kurzfristig enden.' }).check()
    await again.getByLabel('Warum so kurzfristig?').fill(URGENT)
    await clickAndWait(lena, again.getByRole('button', { name: 'Runde eröffnen' }))
    roundUrl = lena.url()
    expect(new URL(roundUrl).pathname).toMatch(/^\/rounds\//)
    await expect(main(lena).getByText(`Kurzfristige Runde. Begründung: ${URGENT}`).isVisible()).resolves.toBe(true)
    const pending = main(lena).getByRole('region', { name: 'Noch nicht geantwortet' })
    for (const name of INITIATIVES) await expect(pending.getByText(name).isVisible()).resolves.toBe(true)
    await expect(pending.getByText(`Delegierte: ${MURAT.name}, ${SELIN.name}`).isVisible()).resolves.toBe(true)
    // The checksum's explanation is there on request only.
    const what = main(lena).locator('.hash-what')
    await expect(what.getByText('kanonischer JSON-Form', { exact: false }).isVisible()).resolves.toBe(false)
    await what.getByText('Was ist das?').click()
    await expect(what.getByText('kanonischer JSON-Form', { exact: false }).isVisible()).resolves.toBe(true)
    await checkPage(lena, 'round-flow-03-round-page-coordinator')
  })

  it("shows the second delegate who answered and asks before replacing a colleague's answer", async () => {
    murat = await openAs(MURAT)
    await murat.goto(roundUrl)
    const muratForm = murat.getByRole('region', { name: 'Deine Antwort' })
    await muratForm.getByRole('radio', { name: 'Einwand', exact: true }).check()
    await muratForm.getByLabel('Begründung').fill(OBJECTION)
    await clickAndWait(murat, muratForm.getByRole('button', { name: 'Antwort abgeben' }))
    await expect(murat.getByText('Deine Antwort ist gespeichert.').isVisible()).resolves.toBe(true)

    selin = await openAs(SELIN)
    await selin.goto(roundUrl)
    const form = selin.getByRole('region', { name: 'Deine Antwort' })
    await expect(form.getByText(`Bisherige Antwort für ${INITIATIVES[1]}: Einwand – abgegeben von ${MURAT.name} am`, { exact: false }).isVisible()).resolves.toBe(true)
    await form.getByRole('radio', { name: 'Zustimmung', exact: true }).check()
    await form.getByLabel('Begründung').fill('')
    await clickAndWait(selin, form.getByRole('button', { name: 'Antwort ändern' }))
    const box = selin.getByRole('checkbox', { name: `Ja, ich ersetze die Antwort von ${MURAT.name}.` })
    await expect(box.getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(selin.getByRole('radio', { name: 'Zustimmung', exact: true }).isChecked()).resolves.toBe(true)
    await checkPage(selin, 'round-flow-04-replace-confirm')

    await box.check()
    await clickAndWait(selin, selin.getByRole('region', { name: 'Deine Antwort' }).getByRole('button', { name: 'Antwort ändern' }))
    await expect(selin.getByText('Deine Antwort ist gespeichert.').isVisible()).resolves.toBe(true)
    await expect(selin.getByText(`Bisherige Antwort für ${INITIATIVES[1]}: Zustimmung – von dir abgegeben am`, { exact: false }).isVisible()).resolves.toBe(true)
    await checkPage(selin, 'round-flow-05-replaced')
  })

  it('names who is missing while the answers stay hidden, and lets the coordinator extend the deadline', async () => {
    await lena.goto(roundUrl)
    const pending = main(lena).getByRole('region', { name: 'Noch nicht geantwortet' })
    await expect(pending.getByText(INITIATIVES[1]!).count()).resolves.toBe(0)
    await expect(pending.getByText(INITIATIVES[2]!).isVisible()).resolves.toBe(true)
    await expect(pending.getByText(`Delegierte: ${AMINA.name}`).isVisible()).resolves.toBe(true)
    await expect(main(lena).getByText(OBJECTION).count()).resolves.toBe(0)
    await expect(main(lena).getByText('Was geantwortet wurde, bleibt bis zum Ende der Runde verdeckt.').isVisible()).resolves.toBe(true)

    await main(lena).getByText('Frist verlängern').first().click()
    const extend = lena.locator('#extend-form')
    await extend.getByLabel('Neues Ende').fill(toLocalInput(Date.now() + 3 * 24 * 3600_000))
    await extend.getByLabel('Begründung').fill('Die Flüchtlingshilfe Bardowick tagt erst Mittwoch.')
    await clickAndWait(lena, extend.getByRole('button', { name: 'Frist verlängern' }))
    await expect(main(lena).getByText('Begründung: Die Flüchtlingshilfe Bardowick tagt erst Mittwoch.', { exact: false }).isVisible()).resolves.toBe(true)
    await expect(main(lena).getByText(/noch [23] Tage/).first().isVisible()).resolves.toBe(true)
    await checkPage(lena, 'round-flow-06-extended')
  })

  it('tells a delegate whose answer comes after the round was cancelled that it was not counted', async () => {
    amina = await openAs(AMINA)
    await amina.goto(roundUrl)
    const form = amina.getByRole('region', { name: 'Deine Antwort' })
    await form.getByRole('radio', { name: 'Zustimmung', exact: true }).check()

    // Meanwhile the coordinator cancels the round.
    await lena.goto(roundUrl)
    await main(lena).getByText('Runde abbrechen').first().click()
    const cancel = lena.locator('#cancel-form')
    await cancel.getByLabel('Begründung').fill('Im Text fehlt noch die Stellungnahme des Flüchtlingsrats.')
    await cancel.getByRole('checkbox', { name: 'Ja, die Runde soll ohne Ergebnis enden.' }).check()
    await clickAndWait(lena, cancel.getByRole('button', { name: 'Runde abbrechen' }))
    await expect(main(lena).getByText('ohne Ergebnis. Begründung: Im Text fehlt noch die Stellungnahme des Flüchtlingsrats.', { exact: false }).isVisible()).resolves.toBe(
      true,
    )
    await checkPage(lena, 'round-flow-07-cancelled')
    // Answers hidden until the close stay hidden when the round is cancelled: no result ever came.
    await expect(lena.evaluate(() => document.querySelectorAll('td[class^="answer-"]').length)).resolves.toBe(0)

    await clickAndWait(amina, form.getByRole('button', { name: 'Antwort abgeben' }))
    const late = amina.getByRole('alert')
    await expect(late.getByText('Deine Antwort kam zu spät').isVisible()).resolves.toBe(true)
    await expect(late.getByText('abgebrochen. Deine Antwort wurde nicht gezählt.', { exact: false }).isVisible()).resolves.toBe(true)
    await checkPage(amina, 'round-flow-08-late-ballot')
  })

  it('gives the draft back for editing after the cancellation', async () => {
    await lena.goto(positionUrl)
    await expect(main(lena).locator('.badge[class*="status-"]').textContent()).resolves.toBe('Entwurf')
    await lena.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert', undefined, { timeout: 15_000 })
    await expect(editorStatus(lena)).resolves.toBe('gespeichert')
    await expect(main(lena).getByText('abgebrochen am', { exact: false }).first().isVisible()).resolves.toBe(true)
    await checkPage(lena, 'round-flow-09-position-drafting-again')
  })

  it('tells a delegate whose answer comes after the deadline when the round ended and that it was not counted', async () => {
    // The server runs on the harness's clock (startServer({ clock: true })): the round ends in
    // three hours of its time, and the test moves that time past the deadline while the form is open.
    const closesAt = (await server.clock!.now()) + 3 * 3600_000
    const roundId = await seedRound(await apiAs(server, LENA), positionId, {
      kind: 'consent',
      quorum: 0.5,
      closesAt: new Date(closesAt).toISOString(),
      shortNotice: { reason: 'Nur ein Test der Frist.' },
    })
    await amina.goto(`${server.url}/rounds/${roundId}`)
    const form = amina.getByRole('region', { name: 'Deine Antwort' })
    await form.getByRole('radio', { name: 'Zustimmung', exact: true }).check()
    expect(await server.clock!.now()).toBeLessThan(closesAt)
    const printed = server.output().length
    await server.clock!.advance(3 * 3600_000 + 60_000)
    // The deadline job closed the round meanwhile, as it would have at the real deadline.
    await server.waitForOutput(/rounds closed at their deadline/, 15_000, printed)
    await clickAndWait(amina, form.getByRole('button', { name: 'Antwort abgeben' }))
    const late = amina.getByRole('alert')
    await expect(late.getByText('Deine Antwort kam zu spät').isVisible()).resolves.toBe(true)
    await expect(late.getByText(/^Die Runde endete am \d\d\.\d\d\.\d{4}, \d\d:\d\d MEZ\. Deine Antwort wurde nicht gezählt\.$/).isVisible()).resolves.toBe(true)
    // Nothing was counted: the API says so too, with its code.
    const again = await (await apiAs(server, AMINA)).put(`/api/rounds/${roundId}/ballot`, { choice: 'consent' })
    expect(again.status).toBe(409)
    expect((again.body as { error: { code: string } }).error.code).toBe('round_closed')
    await checkPage(amina, 'round-flow-10-late-after-deadline')
  })

  it('refuses a title over the limit with a message and keeps it whole, never cut', async () => {
    await lena.goto(`${server.url}/`)
    await clickAndWait(lena, main(lena).getByRole('link', { name: 'AG Arbeitsmarkt' }).first())
    // 214 characters, over the limit of 200.
    const long = 'Arbeitserlaubnis, Anerkennung der Abschlüsse und Zugang zu Ausbildung und Praktika für alle Geflüchteten in den Landkreisen Lüneburg, Harburg und Lüchow-Dannenberg ab dem ersten Tag ihres Aufenthalts ohne Wartezeit'
    expect(long.length).toBeGreaterThan(200)
    const title = lena.getByLabel('Titel', { exact: true })
    await title.fill(long)
    await expect(title.inputValue()).resolves.toBe(long)
    await clickAndWait(lena, lena.getByRole('button', { name: 'Position anlegen' }))
    await expect(main(lena).getByText('ist zu lang (höchstens 200 Zeichen)', { exact: false }).first().isVisible()).resolves.toBe(true)
    await expect(lena.getByLabel('Titel', { exact: true }).inputValue()).resolves.toBe(long)
    await expect(lena.getByLabel('Titel', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true')
    await checkPage(lena, 'round-flow-11-title-too-long')
  })

  it('lets the coordinator archive the position: gone from the lists, still reachable by its link', async () => {
    await lena.goto(positionUrl)
    await main(lena).getByText('Position archivieren').click()
    await clickAndWait(lena, main(lena).getByRole('button', { name: 'Archivieren' }))
    expect(new URL(lena.url()).pathname).toBe(`/positions/${positionId}`)
    await expect(main(lena).getByText('Archiviert: Diese Position steht in keiner Liste mehr.', { exact: false }).isVisible()).resolves.toBe(true)
    await checkPage(lena, 'round-flow-12-archived')

    await lena.goto(`${server.url}/`)
    await expect(main(lena).getByRole('link', { name: TITLE }).count()).resolves.toBe(0)
    await clickAndWait(lena, main(lena).getByRole('link', { name: 'AG Arbeitsmarkt' }).first())
    await expect(main(lena).getByRole('link', { name: TITLE }).count()).resolves.toBe(0)
    // The link still leads to it, with its rounds.
    await lena.goto(positionUrl)
    await expect(lena.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE)
    await expect(main(lena).getByText('abgebrochen am', { exact: false }).first().isVisible()).resolves.toBe(true)
  })
})

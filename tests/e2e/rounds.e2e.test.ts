import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, apiAs, apiLogin, expectStatus, type ApiClient } from './support/api.ts'
import { launchBrowser } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { writeDraft } from './support/draft-writer.ts'
import { pageAs } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { FIRST_ADMIN, seedFirstAdmin } from './support/seed.ts'
import { seedDelegate, seedGroup, seedInitiative } from './support/seed-alliance.ts'
import { seedPosition } from './support/seed-position.ts'
import { startServer, type E2eServer } from './support/server.ts'

// One story, in order, in real Chromium: the coordinator of a working group opens a consent
// round on a position; two delegates answer, one of them with an objection and its reason; the
// coordinator ends the round; the position is back in drafting with the objection next to the
// draft; the coordinator changes the text in the editor; a vote with a two-thirds majority
// adopts version 2. Every page visited is checked with axe and photographed at 1280 and 360 px
// (tests/e2e/screenshots/rounds-*.png).
describe('deciding a position: consent round, objection, new version, vote', () => {
  let server: E2eServer
  let browser: Browser
  let admin: ApiClient
  let positionId: string
  let positionUrl: string
  let consentRoundUrl: string
  let voteRoundUrl: string
  let lena: Page
  let murat: Page
  let amina: Page

  const PASSWORD = 'Donnerstags treffen wir uns im Gemeindehaus'
  // Lena coordinates the working group and is the delegate of her initiative; Murat and Amina
  // are the delegates of the two other member initiatives.
  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: PASSWORD }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@refugees-welcome.example', password: PASSWORD }
  const AMINA = { name: 'Amina Haddad', email: 'amina@fluechtlingshilfe.example', password: PASSWORD }
  const INITIATIVES = ['Internationales Café Winsen', 'Refugees Welcome Lüneburg', 'Flüchtlingshilfe Bardowick']
  const TITLE = 'Wohnraum für Geflüchtete'
  const DEMAND = 'Die Stadt übernimmt Mietbürgschaften für Geflüchtete, die eine Wohnung gefunden haben.'
  const OBJECTION =
    'Ohne Obergrenze für die Bürgschaften trägt unsere Initiative das nicht mit: Der Stadtrat lehnt eine offene Summe ab, und dann steht gar nichts.'
  const AMENDMENT = ' Eine Bürgschaft deckt höchstens drei Monatsmieten.'

  const text = (value: string) => ({ type: 'text', text: value })
  const paragraph = (value: string) => ({ type: 'paragraph', content: [text(value)] })
  const CONTENT = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text('Worum es geht')] },
      paragraph('Viele Geflüchtete finden eine Wohnung, bekommen sie aber nicht, weil niemand für die Miete bürgt.'),
      { type: 'heading', attrs: { level: 2 }, content: [text('Unsere Forderung')] },
      paragraph(DEMAND),
    ],
  }

  const editorOf = (page: Page): Locator => page.getByRole('textbox', { name: 'Text der Position' })
  const editorStatus = (page: Page) => page.evaluate(() => document.querySelector('[data-editor-status]')?.textContent ?? null)
  const main = (page: Page): Locator => page.getByRole('main')
  const statusBadge = (page: Page) => main(page).locator('.badge[class*="status-"]').textContent()

  /** Whether the element is on screen as the page loaded, without anyone scrolling to it. */
  const onScreen = (target: Locator) =>
    target.evaluate((el) => {
      const box = el.getBoundingClientRect()
      return box.top >= 0 && box.bottom <= window.innerHeight
    })

  const openAs = (account: typeof LENA): Promise<Page> => pageAs(browser, server.url, account)

  /** The stored draft as HTML, read over the API as Lena. */
  async function storedDraftHtml(): Promise<string> {
    const draft = expectStatus(await (await apiAs(server, LENA)).get(`/api/positions/${positionId}/draft`), 200, 'draft') as { html: string }
    return draft.html
  }

  /** Picks an answer on the ballot page, fills the reason (or leaves it empty) and sends the form. */
  async function answer(page: Page, choice: string, reason = ''): Promise<void> {
    const form = page.getByRole('region', { name: 'Deine Antwort' })
    await form.getByRole('radio', { name: choice, exact: true }).check()
    await form.getByLabel('Begründung').fill(reason)
    await clickAndWait(page, form.getByRole('button', { name: 'Antwort abgeben' }))
  }

  /** From the start page's "Noch zu entscheiden", the way a delegate finds the round. */
  async function goToBallotFromStartPage(page: Page, screenshot: string): Promise<void> {
    await page.goto(server.url)
    const awaiting = page.getByRole('region', { name: 'Noch zu entscheiden' })
    await expect(awaiting.getByRole('link', { name: TITLE }).isVisible()).resolves.toBe(true)
    await checkPage(page, screenshot)
    await clickAndWait(page, awaiting.getByRole('link', { name: 'Jetzt antworten' }))
  }

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    admin = await seedFirstAdmin(server, FIRST_ADMIN)
    const groupId = await seedGroup(admin, { name: 'AG Wohnen', description: 'Unterbringung, Mieten und der Weg in die eigene Wohnung.' })
    for (const [i, person] of [LENA, MURAT, AMINA].entries()) {
      const initiativeId = await seedInitiative(admin, { name: INITIATIVES[i]! })
      await seedDelegate(admin, person, { initiativeId, groupId, coordinator: i === 0 })
    }

    // The first draft is written through the sync websocket, as the editor would write it.
    const lenaCookie = await apiLogin(server, LENA.email, LENA.password)
    positionId = await seedPosition(api(server, lenaCookie), groupId, TITLE)
    positionUrl = `${server.url}/positions/${positionId}`
    await writeDraft(server, lenaCookie, positionId, CONTENT)
    await expect(storedDraftHtml()).resolves.toContain(DEMAND)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('lets the coordinator open a consent round from the position page, with sensible defaults', async () => {
    lena = await openAs(LENA)
    await lena.goto(positionUrl)
    await expect(main(lena).getByText('Zu dieser Position gab es noch keine Runde.').isVisible()).resolves.toBe(true)
    await checkPage(lena, 'rounds-01-position-drafting')

    await lena.locator('.open-round-details > summary').click()
    const form = lena.getByRole('region', { name: 'Runde eröffnen' })
    await expect(form.getByRole('radio', { name: 'Konsensrunde' }).isChecked()).resolves.toBe(true)
    await expect(form.getByRole('radio', { name: 'Initiativen' }).isChecked()).resolves.toBe(true)
    await expect(form.getByLabel('Quorum in Prozent').inputValue()).resolves.toBe('50')
    const closesAt = Date.parse(await form.getByLabel('Ende der Runde').inputValue())
    // The alliance's time zone may differ from this machine's by some hours: about a week is enough.
    expect(Math.abs(closesAt - (Date.now() + 7 * 24 * 3600_000))).toBeLessThan(15 * 3600_000)
    await expect(form.getByRole('radio', { name: 'Offen', exact: true }).isChecked()).resolves.toBe(true)
    await checkPage(lena, 'rounds-02-open-round-form')

    await clickAndWait(lena, form.getByRole('button', { name: 'Runde eröffnen' }))
    consentRoundUrl = lena.url()
    expect(new URL(consentRoundUrl).pathname).toMatch(/^\/rounds\/[A-Za-z0-9_-]+$/)
    await expect(lena.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Konsensrunde: ${TITLE}`)
    await expect(main(lena).getByText('Das ist die erste Fassung; es gibt keine frühere zum Vergleich.').isVisible()).resolves.toBe(true)
    await expect(main(lena).getByText(/^Beteiligung: 0 von 3 Initiativen \(0\s% des Stimmgewichts\)$/).isVisible()).resolves.toBe(true)
    await expect(main(lena).locator('.frozen-text').textContent()).resolves.toContain(DEMAND)
    await checkPage(lena, 'rounds-03-ballot-page-coordinator')

    // The position page now shows the frozen text and where to answer, and no editor.
    await lena.goto(positionUrl)
    await expect(statusBadge(lena)).resolves.toBe('In der Entscheidung')
    await expect(main(lena).getByRole('link', { name: 'Zur Runde: Text lesen und antworten' }).isVisible()).resolves.toBe(true)
    await expect(editorOf(lena).count()).resolves.toBe(0)
    await checkPage(lena, 'rounds-04-position-in-round')
  })

  it('lets one delegate consent from the start page', async () => {
    murat = await openAs(MURAT)
    await goToBallotFromStartPage(murat, 'rounds-05-start-page-still-to-decide')
    expect(murat.url()).toBe(consentRoundUrl)
    const form = murat.getByRole('region', { name: 'Deine Antwort' })
    await expect(form.getByRole('group', { name: `Deine Antwort für ${INITIATIVES[1]}` }).isVisible()).resolves.toBe(true)
    for (const choice of ['Zustimmung', 'Zustimmung mit Bedenken', 'Beiseitetreten', 'Einwand']) {
      await expect(form.getByRole('radio', { name: choice, exact: true }).isVisible()).resolves.toBe(true)
    }
    await checkPage(murat, 'rounds-06-ballot-page-delegate')

    await answer(murat, 'Zustimmung')
    await expect(onScreen(murat.getByText('Deine Antwort ist gespeichert.'))).resolves.toBe(true)
    await expect(murat.getByText(`Bisherige Antwort für ${INITIATIVES[1]}: Zustimmung`).isVisible()).resolves.toBe(true)
    await checkPage(murat, 'rounds-07-ballot-page-answered')
  })

  it('asks for a reason before it takes an objection, keeping what was chosen', async () => {
    amina = await openAs(AMINA)
    await goToBallotFromStartPage(amina, 'rounds-08-start-page-amina')
    await answer(amina, 'Einwand')
    const reason = amina.getByRole('textbox', { name: 'Begründung' })
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true')
    // The message stands next to the field (and in the error summary at the top, counted in the title).
    const fieldError = amina.locator('#reason-error')
    await expect(fieldError.textContent()).resolves.toContain('Bitte begründe deinen Einwand.')
    await expect(amina.title()).resolves.toMatch(/^Fehler \(1\): /)
    // The error summary at the top takes the focus (read first); its link leads down to the field.
    await expect(amina.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary')
    await amina.locator('#error-summary a').first().click()
    await expect(reason.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await expect(onScreen(reason)).resolves.toBe(true)
    await expect(amina.getByRole('radio', { name: 'Einwand', exact: true }).isChecked()).resolves.toBe(true)
    await checkPage(amina, 'rounds-09-ballot-objection-without-reason')

    await reason.fill(OBJECTION)
    await clickAndWait(amina, amina.getByRole('button', { name: 'Antwort abgeben' }))
    await expect(amina.getByText('Deine Antwort ist gespeichert.').isVisible()).resolves.toBe(true)
    // An open round: everybody sees who answered what, with the reason.
    const answers = amina.getByRole('region', { name: 'Wer hat was geantwortet' })
    const row = answers.getByRole('row', { name: new RegExp(INITIATIVES[2]!) })
    await expect(row.getByRole('cell').textContent()).resolves.toBe(`EinwandBegründung: ${OBJECTION}`)
    await expect(answers.getByRole('row', { name: new RegExp(INITIATIVES[1]!) }).getByRole('cell').first().textContent()).resolves.toBe('Zustimmung')
    await checkPage(amina, 'rounds-10-ballot-objection-saved')
    // On a phone each answer in the table of who answered what stays one word on one line.
    await amina.setViewportSize({ width: 360, height: 740 })
    try {
      const words = await amina.evaluate(() =>
        Array.from(document.querySelectorAll('td[class^="answer-"] > strong')).map((el) => ({ text: el.textContent, lines: el.getClientRects().length })),
      )
      expect(words).toEqual(expect.arrayContaining([{ text: 'Zustimmung', lines: 1 }, { text: 'Einwand', lines: 1 }]))
      expect(words.every((w) => w.lines === 1)).toBe(true)
    } finally {
      await amina.setViewportSize({ width: 1280, height: 800 })
    }
  })

  it("ends the round with the coordinator's button: no consent, back to drafting with the objection next to the draft", async () => {
    await lena.goto(consentRoundUrl)
    await expect(main(lena).getByText(/^Beteiligung: 2 von 3 Initiativen \(67\s% des Stimmgewichts\)$/).isVisible()).resolves.toBe(true)
    await lena.getByLabel('Ja, die Runde soll jetzt enden.').check()
    await clickAndWait(lena, lena.getByRole('button', { name: 'Runde jetzt beenden' }))
    expect(lena.url()).toBe(consentRoundUrl)
    const result = lena.getByRole('region', { name: 'Ergebnis' })
    // The wording of the public page, PDF and feed: one sentence, counts and weight named.
    await expect(result.locator('.result-sentence').textContent()).resolves.toMatch(
      /^In der Konsensrunde am \d+\. \S+ \d{4} wegen eines Einwands nicht beschlossen: 1 von 3 Initiativen hat zugestimmt, 1 Einwand\. Beteiligung: 2 von 3 Initiativen \(67\s% des Stimmgewichts\)$/,
    )
    await expect(result.textContent()).resolves.toMatch(/Quorum erreicht \(50\s%\)/)
    // The answers as a bar with a text alternative; a closed round invites no more changes.
    await expect(result.getByRole('img', { name: /^Antworten nach Stimmgewicht: Zustimmung: 1 / }).isVisible()).resolves.toBe(true)
    await expect(main(lena).getByText('bis zum Ende ändern').count()).resolves.toBe(0)
    await expect(lena.getByRole('region', { name: 'Deine Antwort' }).count()).resolves.toBe(0)
    await expect(lena.getByRole('button', { name: 'Runde jetzt beenden' }).count()).resolves.toBe(0)
    await checkPage(lena, 'rounds-11-consent-round-result')

    await clickAndWait(lena, lena.getByRole('link', { name: 'Zurück zur Position' }))
    await expect(statusBadge(lena)).resolves.toBe('Entwurf')
    const history = lena.getByRole('region', { name: 'Bisherige Runden' })
    await expect(history.getByRole('link', { name: 'Konsensrunde über Fassung 1' }).isVisible()).resolves.toBe(true)
    await expect(history.getByText(/wegen eines Einwands nicht beschlossen: 1 von 3 Initiativen hat zugestimmt, 1 Einwand\./).isVisible()).resolves.toBe(true)
    const objection = history.getByRole('region', { name: 'Einwände und Bedenken' }).getByRole('listitem')
    await expect(objection.textContent()).resolves.toBe(`Einwand (${INITIATIVES[2]}): ${OBJECTION}`)
    // And above the draft, for whoever revises the text.
    const above = lena.getByRole('region', { name: 'Einwände und Bedenken aus der letzten Runde' })
    await expect(above.getByRole('listitem').textContent()).resolves.toBe(`Einwand (${INITIATIVES[2]}): ${OBJECTION}`)
    const [aboveBox, draftBox] = await Promise.all([above.boundingBox(), lena.getByRole('region', { name: 'Entwurf' }).boundingBox()])
    expect(aboveBox!.y + aboveBox!.height).toBeLessThanOrEqual(draftBox!.y)
    await expect(lena.getByRole('region', { name: 'Fassungen' }).getByRole('link', { name: 'Fassung 1' }).isVisible()).resolves.toBe(true)
    // The draft is editable again, for the coordinator as for everybody in the group.
    await lena.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')
    await expect(editorOf(lena).getAttribute('contenteditable')).resolves.toBe('true')
    await checkPage(lena, 'rounds-12-position-after-objection')
  })

  it('takes a change to the text in the editor', async () => {
    // Behind the last word of the demand, the way a person clicks at the end of the line.
    const demand = editorOf(lena).getByText(DEMAND)
    await demand.scrollIntoViewIfNeeded()
    const box = await demand.boundingBox()
    if (!box) throw new Error('the demand is not on screen')
    await lena.mouse.click(box.x + box.width - 2, box.y + box.height / 2)
    await lena.keyboard.press('End')
    await settledSelection(lena)
    await lena.keyboard.type(AMENDMENT)
    // "gespeichert" follows the server's acknowledgement that it stored every keystroke.
    await lena.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')
    await expect(storedDraftHtml()).resolves.toContain(DEMAND + AMENDMENT)
    await expect(editorStatus(lena)).resolves.toBe('gespeichert')
  })

  it('opens a vote with a two-thirds majority on version 2, showing what changed', async () => {
    await lena.reload()
    await lena.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')
    await expect(editorOf(lena).textContent()).resolves.toContain(DEMAND + AMENDMENT)
    await lena.locator('.open-round-details > summary').click()
    const form = lena.getByRole('region', { name: 'Runde eröffnen' })
    await form.getByRole('radio', { name: 'Abstimmung' }).check()
    await form.getByLabel('Nötige Mehrheit (nur bei Abstimmungen)').selectOption('two_thirds')
    await expect(form.getByLabel('Fassung').inputValue()).resolves.toBe('new')
    await checkPage(lena, 'rounds-13-open-vote-form')
    await clickAndWait(lena, form.getByRole('button', { name: 'Runde eröffnen' }))

    voteRoundUrl = lena.url()
    expect(voteRoundUrl).not.toBe(consentRoundUrl)
    await expect(lena.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Abstimmung: ${TITLE}`)
    await expect(main(lena).locator('.lead').textContent()).resolves.toBe(`Abstimmung über Fassung 2 von „${TITLE}“`)
    await expect(main(lena).getByText('Zwei-Drittel-Mehrheit: Mindestens zwei Drittel', { exact: false }).isVisible()).resolves.toBe(true)
    // The changes to version 1, marked by more than colour.
    await lena.getByText('Was sich gegenüber Fassung 1 geändert hat').click()
    const inserted = main(lena).locator('.diff-block ins')
    await expect(inserted.first().textContent()).resolves.toContain(AMENDMENT.trim())
    await checkPage(lena, 'rounds-14-vote-ballot-page-with-diff')
  })

  it('adopts version 2 with two thirds of the votes', async () => {
    await answer(lena, 'Ja')
    await expect(lena.getByText('Deine Antwort ist gespeichert.').isVisible()).resolves.toBe(true)
    await checkPage(lena, 'rounds-15-vote-lena-answered')

    await goToBallotFromStartPage(murat, 'rounds-16-start-page-vote')
    expect(murat.url()).toBe(voteRoundUrl)
    for (const choice of ['Ja', 'Nein', 'Enthaltung']) {
      await expect(murat.getByRole('radio', { name: choice, exact: true }).isVisible()).resolves.toBe(true)
    }
    await checkPage(murat, 'rounds-17-vote-ballot-page')
    await answer(murat, 'Ja')
    await expect(murat.getByText('Deine Antwort ist gespeichert.').isVisible()).resolves.toBe(true)

    // Amina is still against it; two of three is exactly two thirds.
    await amina.goto(voteRoundUrl)
    await answer(amina, 'Nein', 'Drei Monatsmieten reichen in Lüneburg nicht.')
    await expect(amina.getByText('Deine Antwort ist gespeichert.').isVisible()).resolves.toBe(true)
    await checkPage(amina, 'rounds-18-vote-amina-answered')

    await lena.reload()
    await expect(main(lena).getByText(/^Beteiligung: 3 von 3 Initiativen \(100\s% des Stimmgewichts\)$/).isVisible()).resolves.toBe(true)
    await lena.getByLabel('Ja, die Runde soll jetzt enden.').check()
    await clickAndWait(lena, lena.getByRole('button', { name: 'Runde jetzt beenden' }))
    const result = lena.getByRole('region', { name: 'Ergebnis' })
    await expect(result.locator('.result-sentence').textContent()).resolves.toMatch(
      /^Mit Zweidrittelmehrheit beschlossen am \d+\. \S+ \d{4}: 2 Ja, 1 Nein, 0 Enthaltungen\. Beteiligung: 3 von 3 Initiativen \(100\s% des Stimmgewichts\)$/,
    )
    await checkPage(lena, 'rounds-19-vote-result')

    await clickAndWait(lena, lena.getByRole('link', { name: 'Zurück zur Position' }))
    await expect(statusBadge(lena)).resolves.toBe('Beschlossen')
    const adopted = lena.getByRole('region', { name: 'Der beschlossene Text' })
    await expect(adopted.getByRole('link', { name: 'Fassung 2' }).isVisible()).resolves.toBe(true)
    await expect(adopted.locator('.frozen-text').textContent()).resolves.toContain(DEMAND + AMENDMENT)
    await expect(editorOf(lena).count()).resolves.toBe(0)
    await expect(lena.getByRole('region', { name: 'Runde eröffnen' }).count()).resolves.toBe(0)
    await expect(lena.getByRole('region', { name: 'Einwände und Bedenken aus der letzten Runde' }).count()).resolves.toBe(0)
    const rounds = lena.getByRole('region', { name: 'Bisherige Runden' }).locator('.round-card h3')
    await expect(rounds.allTextContents()).resolves.toEqual(['Abstimmung über Fassung 2', 'Konsensrunde über Fassung 1'])
    await checkPage(lena, 'rounds-20-position-adopted')

    // The same answer over the API: version 2 is what was adopted.
    const position = expectStatus(await admin.get(`/api/positions/${positionId}`), 200, 'position') as { status: string }
    expect(position.status).toBe('adopted')
  })

  it('shows the adopted version and its changes on their own pages', async () => {
    const versions = lena.getByRole('region', { name: 'Fassungen' })
    await clickAndWait(lena, versions.getByRole('link', { name: 'Änderungen gegenüber Fassung 1' }))
    await expect(main(lena).locator('.diff-block ins').first().textContent()).resolves.toContain(AMENDMENT.trim())
    await checkPage(lena, 'rounds-21-diff-page')
    await lena.goBack()
    await clickAndWait(lena, lena.getByRole('region', { name: 'Fassungen' }).getByRole('link', { name: 'Fassung 2', exact: true }))
    await expect(main(lena).locator('.frozen-text').textContent()).resolves.toContain(DEMAND + AMENDMENT)
    await checkPage(lena, 'rounds-22-version-2-page')
  })

  /** Waits until ProseMirror has read the browser's selection (it does so on a later event). */
  async function settledSelection(page: Page): Promise<void> {
    await page.waitForFunction(() => {
      const view = (document.querySelector('#editor .ProseMirror') as { editor?: { view: any } } | null)?.editor?.view
      const dom = getSelection()
      if (!view || !dom?.focusNode) return false
      try {
        return view.posAtDOM(dom.focusNode, dom.focusOffset) === view.state.selection.head
      } catch {
        return false
      }
    })
  }
})

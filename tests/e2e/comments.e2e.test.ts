import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs, type ApiClient } from './support/api.ts'
import { launchBrowser } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { pageAs } from './support/login.ts'
import { FIRST_ADMIN, seedFirstAdmin, seedPerson } from './support/seed.ts'
import { addToGroup, addToInitiative, seedGroup, seedInitiative } from './support/seed-alliance.ts'
import { seedPosition, seedRound } from './support/seed-position.ts'
import { startServer, type E2eServer } from './support/server.ts'

// Two delegates comment on a passage and answer each other while a third writes around it, in
// real Chromium. Murat is in the working group; Sara is a delegate of a member initiative
// outside it (she reads the draft and comments); Lena writes the text. One story, in order.
describe('comments on the text', () => {
  let server: E2eServer
  let browser: Browser
  let admin: ApiClient
  let lena: Page
  let murat: Page
  let sara: Page
  let positionUrl: string
  let roundUrl: string

  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: 'Wir treffen uns jeden Dienstag im Café' }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@refugees-welcome.example', password: 'Fahrradwerkstatt hinter dem Bahnhof' }
  const SARA = { name: 'Sara Nowak', email: 'sara@sprachcafe.example', password: 'Sprachcafé am Samstagvormittag' }
  const TEXT = 'Wir fordern bezahlbaren Wohnraum für alle.'
  const PASSAGE = 'bezahlbaren Wohnraum'

  const editorOf = (page: Page): Locator => page.getByRole('textbox', { name: 'Text der Position' })
  const panelOf = (page: Page): Locator => page.getByRole('complementary', { name: 'Kommentare' })
  const saved = (page: Page) => page.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')

  const openAs = (account: typeof LENA): Promise<Page> => pageAs(browser, server.url, account)

  /** Waits until the ProseMirror selection is where the browser's is (it follows selectionchange). */
  async function selectionSettled(page: Page): Promise<void> {
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

  /** Selects `length` characters from `offset` of the first paragraph with the keyboard (Home, arrows, Shift+arrows). */
  async function selectByKeyboard(page: Page, offset: number, length: number): Promise<void> {
    const first = page.locator('#editor .ProseMirror > p').first()
    await first.click()
    await page.keyboard.press('Home')
    for (let i = 0; i < offset; i++) await page.keyboard.press('ArrowRight')
    for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight')
    await selectionSettled(page)
  }

  /** Selects `words` in the frozen text as with the mouse (the text may be split by highlights). */
  async function selectInFrozenText(page: Page, words: string): Promise<void> {
    await page.evaluate((words) => {
      const paragraph = document.querySelector('[data-comment-text] p')!
      const start = paragraph.textContent!.indexOf(words)
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
      const point = (at: number): [Node, number] => {
        let seen = 0
        walker.currentNode = paragraph
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = (node as Text).data.length
          if (at <= seen + length) return [node, at - seen]
          seen += length
        }
        throw new Error('outside the paragraph')
      }
      const range = document.createRange()
      range.setStart(...point(start))
      range.setEnd(...point(start + words.length))
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
    }, words)
  }

  const highlighted = (page: Page) =>
    page.evaluate(() => Array.from(document.querySelectorAll('#editor .comment-highlight')).map((el) => el.textContent).join(''))

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    admin = await seedFirstAdmin(server, FIRST_ADMIN)
    const cafe = await seedInitiative(admin, { name: 'Internationales Café Winsen' })
    const welcome = await seedInitiative(admin, { name: 'Refugees Welcome Lüneburg' })
    const sprachcafe = await seedInitiative(admin, { name: 'Sprachcafé Uelzen' })
    const groupId = await seedGroup(admin, { name: 'AG Wohnen', description: 'Unterbringung und Mieten.' })
    const lenaId = await seedPerson(admin, LENA)
    const muratId = await seedPerson(admin, MURAT)
    const saraId = await seedPerson(admin, SARA)
    for (const [initiative, personId] of [
      [cafe, lenaId],
      [welcome, muratId],
      [sprachcafe, saraId],
    ] as const) {
      await addToInitiative(admin, initiative, personId)
    }
    await addToGroup(admin, groupId, lenaId, true)
    await addToGroup(admin, groupId, muratId)
    positionUrl = `${server.url}/positions/${await seedPosition(admin, groupId, 'Wohnraum für Geflüchtete')}`
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('lets a delegate of the group select a passage by keyboard and comment on it; it is highlighted', async () => {
    lena = await openAs(LENA)
    await lena.goto(positionUrl)
    await saved(lena)
    await editorOf(lena).click()
    await lena.keyboard.type(TEXT)
    await saved(lena)

    murat = await openAs(MURAT)
    await murat.goto(positionUrl)
    await saved(murat)
    await expect(panelOf(murat).getByText('Noch keine Kommentare.').isVisible()).resolves.toBe(true)
    await checkPage(murat, 'cm-01-position-no-comments')

    await selectByKeyboard(murat, 'Wir fordern '.length, PASSAGE.length)
    await expect(panelOf(murat).locator('[data-comment-selection]').textContent()).resolves.toBe(`„${PASSAGE}“`)
    await panelOf(murat).getByLabel('Dein Kommentar').fill('Was heißt bezahlbar? Siehe https://example.org/mieten.')
    await panelOf(murat).getByRole('button', { name: 'Kommentieren' }).click()
    const thread = panelOf(murat).locator('.comment-thread')
    await thread.first().waitFor()
    await expect(thread.locator('.comment-quote').textContent()).resolves.toBe(PASSAGE)
    await expect(thread.getByRole('link', { name: 'https://example.org/mieten' }).getAttribute('href')).resolves.toBe('https://example.org/mieten')
    await murat.waitForFunction((p) => Array.from(document.querySelectorAll('#editor .comment-highlight')).map((el) => el.textContent).join('') === p, PASSAGE)
  })

  it('brings the comment to a delegate outside the group without reloading, and her reply back', async () => {
    sara = await openAs(SARA)
    await sara.goto(positionUrl)
    const thread = panelOf(sara).locator('.comment-thread').first()
    await thread.waitFor()
    await expect(thread.locator('.comment-meta strong').first().textContent()).resolves.toBe(MURAT.name)
    await checkPage(sara, 'cm-02-position-reader-with-comment')

    await thread.getByRole('button', { name: 'Antworten' }).click()
    await thread.getByLabel('Deine Antwort auf den Kommentar').fill('@Murat Yıldız Unter 30 Prozent des Einkommens.')
    await thread.getByRole('button', { name: 'Antwort senden' }).click()
    await panelOf(murat).locator('.comment-reply').first().waitFor()
    await expect(panelOf(murat).locator('.comment-reply .comment-body').textContent()).resolves.toBe('@Murat Yıldız Unter 30 Prozent des Einkommens.')
  })

  it('keeps the comment on its words while a third delegate writes before and after them', async () => {
    await editorOf(lena).click()
    await lena.keyboard.press('Home')
    await lena.keyboard.type('Kurz: ')
    await lena.keyboard.press('End')
    await lena.keyboard.type(' Sofort.')
    await saved(lena)
    await lena.waitForFunction((p) => Array.from(document.querySelectorAll('#editor .comment-highlight')).map((el) => el.textContent).join('') === p, PASSAGE)
    await expect(highlighted(lena)).resolves.toBe(PASSAGE)
    // A reload reads the anchors anew from the server: still on the same words.
    await murat.reload()
    await saved(murat)
    await murat.waitForFunction((p) => Array.from(document.querySelectorAll('#editor .comment-highlight')).map((el) => el.textContent).join('') === p, PASSAGE)
    await expect(panelOf(murat).locator('.comment-quote').textContent()).resolves.toBe(PASSAGE)
    await checkPage(murat, 'cm-03-position-comment-and-reply')
  })

  it('folds a resolved thread away for everyone, and shows it on request', async () => {
    await panelOf(murat).getByRole('button', { name: 'Als erledigt markieren' }).click()
    const folded = panelOf(sara).getByText('Erledigte Kommentare (1)')
    await folded.waitFor()
    await expect(panelOf(sara).locator('.comment-list .comment-thread:visible').count()).resolves.toBe(0)
    await folded.click()
    await expect(panelOf(sara).locator('.comments-resolved .comment-quote').textContent()).resolves.toBe(PASSAGE)
    await checkPage(sara, 'cm-04-position-resolved-shown')
  })

  it('shows the threads on the frozen version beside the text of a round, where a passage can be commented on', async () => {
    const lenaApi = await apiAs(server, LENA)
    const positionId = new URL(positionUrl).pathname.split('/')[2]!
    const closesAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString()
    const roundId = await seedRound(lenaApi, positionId, { kind: 'consent', quorum: 0.5, secret: false, closesAt })
    await sara.goto(`${server.url}/rounds/${roundId}`)
    await expect(panelOf(sara).getByText('Noch keine Kommentare.').isVisible()).resolves.toBe(true)
    await murat.goto(`${server.url}/rounds/${roundId}`)

    // Sara selects "Wohnraum für alle" in the frozen text, as with the mouse.
    await selectInFrozenText(sara, 'Wohnraum für alle')
    await sara.waitForFunction(() => document.querySelector('[data-comment-selection]')?.textContent === '„Wohnraum für alle“')
    await panelOf(sara).getByLabel('Dein Kommentar').fill('Einwand: „für alle“ ist zu ungenau.')
    await panelOf(sara).getByRole('button', { name: 'Kommentieren' }).click()

    const thread = panelOf(murat).locator('.comment-thread').first()
    await thread.waitFor()
    await expect(thread.locator('.comment-quote').textContent()).resolves.toBe('Wohnraum für alle')
    await thread.getByRole('button', { name: 'Antworten' }).click()
    await thread.getByLabel('Deine Antwort auf den Kommentar').fill('Wir meinen alle Geflüchteten in der Stadt.')
    await thread.getByRole('button', { name: 'Antwort senden' }).click()
    await panelOf(sara).locator('.comment-reply').first().waitFor()
    await checkPage(sara, 'cm-05-round-page-version-thread')
    roundUrl = `${server.url}/rounds/${roundId}`
  })

  it('lets a voter point an objection at a passage from the ballot form; the reason becomes a thread beside the text', async () => {
    await sara.goto(roundUrl)
    const ballot = sara.locator('form.ballot-form')
    const passage = ballot.getByRole('group', { name: 'Stelle im Text (freiwillig)' })
    // Only an objection or a concern points at a passage.
    await expect(passage.isVisible()).resolves.toBe(false)
    await ballot.getByLabel('Einwand', { exact: true }).check()
    await passage.waitFor()
    await ballot.getByLabel('Begründung').fill('„bezahlbar“ braucht eine Zahl, sonst trägt der Satz nicht.')
    await selectInFrozenText(sara, PASSAGE)
    await passage.getByRole('button', { name: 'Markierte Stelle übernehmen' }).click()
    await expect(passage.locator('[data-passage-quote]').textContent()).resolves.toBe(`„${PASSAGE}“`)
    await checkPage(sara, 'cm-06-ballot-objection-passage')
    await ballot.getByRole('button', { name: 'Antwort abgeben' }).click()
    await sara.waitForURL(/saved=1/)

    // Murat, whose page stayed open, sees the objection's thread arrive on its passage.
    const objection = panelOf(murat).locator('.comment-thread', { hasText: 'Einwand in der Runde' })
    await objection.waitFor()
    await expect(objection.locator('.comment-quote').textContent()).resolves.toBe(PASSAGE)
    await expect(objection.locator('.comment-body').textContent()).resolves.toBe('„bezahlbar“ braucht eine Zahl, sonst trägt der Satz nicht.')
    await panelOf(sara).locator('.comment-thread', { hasText: 'Einwand in der Runde' }).waitFor()
    await checkPage(sara, 'cm-07-round-page-objection-thread')
  })

  it('shows the version’s threads beside the frozen text on the position page while the round runs, highlighted, and a keyboard user comments on a passage there', async () => {
    await murat.goto(positionUrl)
    const panel = panelOf(murat)
    await panel.locator('.comment-thread', { hasText: 'Einwand in der Runde' }).waitFor()
    const text = murat.getByRole('textbox', { name: 'Text, über den entschieden wird (nur lesen)' })
    // Commented passages are shaded and underlined in the frozen text.
    await murat.waitForFunction(() => document.querySelectorAll('[data-comment-text] mark.comment-highlight').length > 0)
    const marked = await murat.evaluate(() => Array.from(document.querySelectorAll('[data-comment-text] mark.comment-highlight')).map((m) => m.textContent).join('|'))
    expect(marked).toContain('bezahlbaren')
    expect(marked).toContain('für alle')
    await expect(text.evaluate((el) => getComputedStyle(el.querySelector('mark')!).borderBottomStyle)).resolves.toBe('solid')

    // Keyboard only: into the text, to the end of the line, Shift+Left over "Sofort.", then the
    // button that leads to the comment field, type, send.
    await text.focus()
    await murat.keyboard.press('End')
    for (let i = 0; i < 'Sofort.'.length; i++) await murat.keyboard.press('Shift+ArrowLeft')
    await murat.waitForFunction(() => document.querySelector('[data-comment-selection]')?.textContent === '„Sofort.“')
    await murat.keyboard.press('Tab')
    await expect(murat.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Markierte Stelle kommentieren')
    await murat.keyboard.press('Enter')
    await expect(murat.evaluate(() => document.activeElement?.id)).resolves.toBe('comment-new-body')
    await murat.keyboard.type('Ist „Sofort“ realistisch?')
    await murat.keyboard.press('Tab')
    await murat.keyboard.press('Enter')
    const thread = panel.locator('.comment-thread', { hasText: 'Ist „Sofort“ realistisch?' })
    await thread.waitFor()
    await expect(thread.locator('.comment-quote').textContent()).resolves.toBe('Sofort.')
    await murat.waitForFunction(() => Array.from(document.querySelectorAll('[data-comment-text] mark.comment-highlight')).some((m) => m.textContent === 'Sofort.'))
    // "Im Text zeigen" selects the passage in the frozen text again.
    await thread.getByRole('button', { name: 'Im Text zeigen' }).click()
    await expect(murat.evaluate(() => getSelection()?.toString())).resolves.toBe('Sofort.')
    await checkPage(murat, 'cm-08-position-page-round-comments')
  })
})

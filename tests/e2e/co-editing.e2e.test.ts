import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiAs, expectStatus, type ApiClient } from './support/api.ts'
import { launchBrowser } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { pageAs } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { shoot } from './support/screenshots.ts'
import { FIRST_ADMIN, seedFirstAdmin, seedPerson } from './support/seed.ts'
import { addToGroup, addToInitiative, seedGroup, seedInitiative } from './support/seed-alliance.ts'
import { seedRound } from './support/seed-position.ts'
import { startServer, type E2eServer } from './support/server.ts'

// Two delegates of member initiatives write one position together in real Chromium; a member
// of another initiative follows along read-only. The tests below tell one story, in order.
describe('co-editing a position draft', () => {
  let server: E2eServer
  let browser: Browser
  let admin: ApiClient
  let lena: Page
  let murat: Page
  let sara: Page
  let positionUrl: string
  let groupId: string
  let muratId: string

  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: 'Wir treffen uns jeden Dienstag im Café' }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@refugees-welcome.example', password: 'Fahrradwerkstatt hinter dem Bahnhof' }
  const SARA = { name: 'Sara Nowak', email: 'sara@refugees-welcome.example', password: 'Sprachcafé am Samstagvormittag' }
  const TITLE = 'Wohnraum für Geflüchtete'
  const LENA_TEXT = 'Wir fordern bezahlbaren Wohnraum für alle.'
  const MURAT_TEXT = 'Sammelunterkünfte sind keine Lösung.'
  const LONG_TEXT =
    'Wer eine Wohnung gefunden hat, muss sofort aus der Unterkunft ausziehen dürfen, ohne monatelang auf eine Genehmigung zu warten.'

  const editorOf = (page: Page): Locator => page.getByRole('textbox', { name: 'Text der Position' })
  const statusOf = (page: Page): Locator => page.locator('[data-editor-status]')
  const presenceOf = (page: Page): Locator => page.getByRole('complementary', { name: 'Anwesend' }).getByRole('listitem')

  /** The text of the first element matching `selector` in the editor, without other people's caret labels. */
  function textIn(page: Page, selector: string): Promise<string | null> {
    return page.evaluate((sel) => {
      const el = document.querySelector(`#editor .ProseMirror ${sel}`.trim())
      if (!el) return null
      const copy = el.cloneNode(true) as Element
      copy.querySelectorAll('.collab-caret').forEach((caret) => caret.remove())
      return copy.textContent
    }, selector)
  }

  /**
   * Waits until `selector` in the page's editor shows text that `expected` describes (the page
   * checks it on every frame, no polling from here). `ms` only ends a wait for what never comes;
   * how fast edits arrive is the benchmark's business, not a test's.
   */
  async function waitForText(page: Page, selector: string, expected: { includes: string } | { equals: string }, ms = 10_000): Promise<void> {
    try {
      await page.waitForFunction(
        ([sel, want]) => {
          const el = document.querySelector(`#editor .ProseMirror ${sel}`.trim())
          if (!el) return false
          const copy = el.cloneNode(true) as Element
          copy.querySelectorAll('.collab-caret').forEach((caret) => caret.remove())
          const text = copy.textContent ?? ''
          return 'equals' in want ? text === want.equals : text.includes(want.includes)
        },
        [selector, expected] as const,
        { timeout: ms },
      )
    } catch (error) {
      const shows = await textIn(page, selector).catch(() => null)
      throw new Error(`"${selector}" in ${page.url()} did not show ${JSON.stringify(expected)} within ${ms} ms; it shows: ${shows}`, { cause: error })
    }
  }

  /** Waits until the page's editor text contains `text` (see waitForText for `ms`). */
  const seesText = (page: Page, text: string, ms = 10_000) => waitForText(page, '', { includes: text }, ms)

  /**
   * Waits until ProseMirror has taken over the browser's selection. It reads it on the
   * asynchronous selectionchange event, so a robot's next key can otherwise arrive first (a
   * person is never that fast). Uses the editor instance TipTap keeps on its element for tests.
   */
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

  /** Puts the cursor after the last character, the way a person clicks behind the last line. */
  async function clickAtEnd(page: Page): Promise<void> {
    const last = page.locator('#editor .ProseMirror > :last-child')
    // As a person would: scroll the end of the text into view first (on a phone it may be below the fold).
    await last.scrollIntoViewIfNeeded()
    const box = await last.boundingBox()
    if (!box) throw new Error('the editor has no last block')
    await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2)
    await page.keyboard.press('End')
    await selectionSettled(page)
  }

  /** Waits until the page shows another person's caret labelled with `name` (see waitForText for `ms`). */
  async function seesCaretOf(page: Page, name: string, ms = 10_000): Promise<void> {
    await page.waitForFunction(
      (expected) => Array.from(document.querySelectorAll('.collab-caret-label')).some((el) => el.textContent === expected),
      name,
      { timeout: ms },
    )
  }

  /** Starts keeping every text the page's status line shows from now on (see statusesShown). */
  async function recordStatus(page: Page): Promise<void> {
    await page.evaluate(() => {
      const line = document.querySelector('[data-editor-status]')!
      const shown: string[] = []
      Object.assign(window, { statusesShown: shown })
      new MutationObserver(() => shown.push(line.textContent ?? '')).observe(line, { childList: true, characterData: true, subtree: true })
    })
  }

  function statusesShown(page: Page): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { statusesShown: string[] }).statusesShown)
  }

  const openAs = (account: typeof LENA): Promise<Page> => pageAs(browser, server.url, account)

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    admin = await seedFirstAdmin(server, FIRST_ADMIN)
    const cafe = await seedInitiative(admin, { name: 'Internationales Café Winsen' })
    const welcome = await seedInitiative(admin, { name: 'Refugees Welcome Lüneburg' })
    groupId = await seedGroup(admin, { name: 'AG Wohnen', description: 'Unterbringung, Mieten und der Weg in die eigene Wohnung.' })
    const lenaId = await seedPerson(admin, LENA)
    muratId = await seedPerson(admin, MURAT)
    const saraId = await seedPerson(admin, SARA)
    for (const [initiative, personId, role] of [
      [cafe, lenaId, 'delegate'],
      [welcome, muratId, 'delegate'],
      [welcome, saraId, 'member'],
    ] as const) {
      await addToInitiative(admin, initiative, personId, role)
    }
    await addToGroup(admin, groupId, lenaId, true)
    await addToGroup(admin, groupId, muratId)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('lets a delegate start a position from the start page through the group page', async () => {
    lena = await openAs(LENA)
    await expect(lena.getByRole('heading', { level: 2, name: 'Meine Arbeitsgruppen' }).isVisible()).resolves.toBe(true)
    await checkPage(lena, 'co-01-start-page')

    await clickAndWait(lena, lena.getByRole('link', { name: 'AG Wohnen' }))
    await expect(lena.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('AG Wohnen')
    await checkPage(lena, 'co-02-group-page')

    await lena.getByLabel('Titel', { exact: true }).fill(TITLE)
    await clickAndWait(lena, lena.getByRole('button', { name: 'Position anlegen' }))
    expect(new URL(lena.url()).pathname).toMatch(/^\/positions\/[a-z0-9]+$/)
    positionUrl = lena.url()
    await expect(lena.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE)
    await expect(statusOf(lena).textContent()).resolves.not.toBeNull()
    await lena.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')
    await expect(editorOf(lena).getAttribute('contenteditable')).resolves.toBe('true')
  })

  it('shows what one delegate types to the other, with carets and presence', async () => {
    murat = await openAs(MURAT)
    await murat.goto(positionUrl)
    await murat.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')

    await recordStatus(lena)
    await editorOf(lena).click()
    await lena.keyboard.type(LENA_TEXT)
    // "gespeichert" only once the server acknowledged storing the edit: the draft has it then.
    await lena.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')
    await expect(statusesShown(lena)).resolves.toContain('wird gespeichert …')
    const draft = expectStatus(await admin.get(`/api/positions/${new URL(positionUrl).pathname.split('/')[2]}/draft`), 200, 'draft')
    expect(draft.html).toContain(LENA_TEXT)
    // A deletion too (it leaves Yjs's state vector as it was): not "gespeichert" until acknowledged.
    await lena.keyboard.type('!')
    await lena.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')
    await recordStatus(lena)
    await lena.keyboard.press('Backspace')
    await lena.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')
    await expect(statusesShown(lena)).resolves.toContain('wird gespeichert …')
    await seesText(murat, LENA_TEXT)
    await seesCaretOf(murat, LENA.name)

    await clickAtEnd(murat)
    await murat.keyboard.press('Enter')
    await murat.keyboard.type(MURAT_TEXT)
    await seesText(lena, MURAT_TEXT)
    await seesCaretOf(lena, MURAT.name)

    for (const page of [lena, murat]) {
      await expect(presenceOf(page).allTextContents()).resolves.toHaveLength(2)
    }
    await expect(presenceOf(lena).allTextContents()).resolves.toEqual([`${LENA.name} (du)`, MURAT.name])
    await murat.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')
  })

  it('formats with the toolbar, by mouse and by keyboard, and the other side sees it', async () => {
    const toolbar = lena.getByRole('toolbar', { name: 'Formatierung' })
    await editorOf(lena).click()
    await lena.keyboard.press('ControlOrMeta+Home')
    await lena.keyboard.press('Shift+End')
    await selectionSettled(lena)
    await toolbar.getByRole('button', { name: 'Überschrift' }).click()
    await expect(toolbar.getByRole('button', { name: 'Überschrift' }).getAttribute('aria-pressed')).resolves.toBe('true')
    await waitForText(murat, 'h2', { equals: LENA_TEXT })

    // Keyboard only: Shift+Tab from the text reaches the toolbar, arrows move along it.
    await clickAtEnd(murat)
    await murat.keyboard.press('Shift+Home')
    await selectionSettled(murat)
    await murat.keyboard.press('Shift+Tab')
    const focused = () => murat.evaluate(() => document.activeElement?.getAttribute('aria-label'))
    await expect(focused()).resolves.toBe('Überschrift')
    await murat.keyboard.press('ArrowRight')
    await expect(focused()).resolves.toBe('Fett')
    await murat.keyboard.press('Enter')
    await waitForText(lena, 'strong', { equals: MURAT_TEXT })
    await expect(murat.getByRole('button', { name: 'Fett' }).getAttribute('aria-pressed')).resolves.toBe('true')
  })

  it('adds a link only to web and mail addresses', async () => {
    await clickAtEnd(lena)
    await lena.keyboard.press('Enter')
    await lena.keyboard.type('Mehr dazu: ')
    await lena.keyboard.press('ControlOrMeta+k')
    const address = lena.getByLabel('Adresse des Links')
    await address.fill('javascript:alert(1)')
    await address.press('Enter')
    await expect(lena.getByText('Das ist keine Web- oder E-Mail-Adresse.').isVisible()).resolves.toBe(true)
    await address.fill('proasyl.de')
    await address.press('Enter')
    await murat.waitForFunction(() => document.querySelector('#editor a')?.getAttribute('href') === 'https://proasyl.de', undefined, {
      timeout: 5_000,
    })
    await seesText(murat, 'Mehr dazu: https://proasyl.de')
  })

  it('takes screenshots of both editors and checks them for accessibility', async () => {
    await editorOf(murat).click()
    await seesCaretOf(lena, MURAT.name)
    await checkPage(lena, 'co-03-position-lena')
    await editorOf(lena).click()
    await seesCaretOf(murat, LENA.name)
    await checkPage(murat, 'co-04-position-murat')
  })

  it('keeps a 360 px phone from scrolling sideways when another person’s caret sits at a line end', async () => {
    for (const page of [lena, murat]) await page.setViewportSize({ width: 360, height: 740 })
    try {
      await caretAtLineEnd()
    } finally {
      for (const page of [lena, murat]) await page.setViewportSize({ width: 1280, height: 800 })
    }
  })

  async function caretAtLineEnd(): Promise<void> {
    await clickAtEnd(murat)
    await murat.keyboard.press('Enter')
    await murat.keyboard.type(LONG_TEXT)
    await seesText(lena, LONG_TEXT, 5_000)
    // Both pages are laid out alike at 360 px: the end of Murat's first visual line of the new
    // paragraph is the end of a line for Lena too.
    const last = murat.locator('#editor .ProseMirror > :last-child')
    const box = await last.boundingBox()
    if (!box) throw new Error('no last paragraph')
    await murat.mouse.click(box.x + 1, box.y + 4)
    await murat.keyboard.press('End')
    // End stops behind the space where the line wraps, which is also the start of the next line
    // (where others see the caret); one step back is the end of this line for everybody.
    await murat.keyboard.press('ArrowLeft')
    await selectionSettled(murat)
    // Lena sees Murat's caret move to the end of a line, where his name label reaches past the
    // right edge of the text (clipping does not change the label's box, so this is measurable).
    await lena.waitForFunction(
      () => {
        const label = document.querySelector('.collab-caret-label')?.getBoundingClientRect()
        const editor = document.querySelector('#editor .ProseMirror')?.getBoundingClientRect()
        return label && editor && label.right > editor.right
      },
      undefined,
      { timeout: 5_000 },
    )
    const where = await lena.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: document.documentElement.clientWidth,
      innerWidth: window.innerWidth,
    }))
    expect(where.innerWidth).toBe(360)
    expect(where.scroll).toBeLessThanOrEqual(where.innerWidth)
    expect(where.scroll).toBeLessThanOrEqual(where.width)
    await checkPage(lena, 'co-08-remote-caret-at-line-end')
  }

  it('gives the two people present different colours, in the carets and the presence list', async () => {
    const dots = (page: Page) =>
      page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.presence-dot')).map((dot) => dot.style.backgroundColor))
    const lenaSees = await dots(lena)
    expect(lenaSees).toHaveLength(2)
    expect(new Set(lenaSees).size).toBe(2)
    // Murat sees the same two colours for the same two people (his list is in another order).
    expect((await dots(murat)).sort()).toEqual([...lenaSees].sort())
    const caretColor = await lena.evaluate(() => (document.querySelector('.collab-caret-label') as HTMLElement).style.backgroundColor)
    expect(caretColor).toBe(lenaSees[1])
  })

  it('shows a placeholder in an empty draft', async () => {
    // In a second tab of Lena's, so the story's pages stay where they are.
    const tab = await lena.context().newPage()
    try {
      await tab.goto(`${server.url}/`)
      await clickAndWait(tab, tab.getByRole('link', { name: 'AG Wohnen' }))
      await tab.getByLabel('Titel', { exact: true }).fill('Noch leer')
      await clickAndWait(tab, tab.getByRole('button', { name: 'Position anlegen' }))
      await tab.waitForFunction(() => document.querySelector('#editor .ProseMirror p[data-placeholder]') !== null)
      const placeholder = await tab.evaluate(() => {
        const p = document.querySelector('#editor .ProseMirror p')!
        return { text: p.getAttribute('data-placeholder'), shown: getComputedStyle(p, '::before').content }
      })
      expect(placeholder.text).toBe('Hier den Text der Position schreiben …')
      expect(placeholder.shown).toBe('"Hier den Text der Position schreiben …"')
      await checkPage(tab, 'co-09-empty-draft')
    } finally {
      await tab.close()
    }
  })

  it('lets a member of another initiative read along but not type', async () => {
    sara = await openAs(SARA)
    await sara.goto(positionUrl)
    await expect(sara.getByText('Du kannst diesen Entwurf mitlesen.').isVisible()).resolves.toBe(true)
    // The text is there before and after the editor takes over.
    await seesText(sara, MURAT_TEXT)
    await sara.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'nur lesen')
    await expect(editorOf(sara).getAttribute('contenteditable')).resolves.toBe('false')
    await expect(sara.getByRole('toolbar').count()).resolves.toBe(0)
    await expect(sara.getByRole('button', { name: 'Titel speichern' }).count()).resolves.toBe(0)

    await editorOf(sara).click()
    await sara.keyboard.type('Sara war hier')
    await clickAtEnd(lena)
    await lena.keyboard.press('Enter')
    await lena.keyboard.type('Nachtrag von Lena.')
    await seesText(sara, 'Nachtrag von Lena.')
    for (const page of [sara, lena, murat]) {
      await expect(textIn(page, '')).resolves.not.toContain('Sara war hier')
    }
    await expect(presenceOf(lena).allTextContents()).resolves.toContain(SARA.name)
    await checkPage(sara, 'co-05-position-reader')
  })

  it('keeps the text after a reload, from the server', async () => {
    await murat.reload()
    await seesText(murat, 'Nachtrag von Lena.')
    await murat.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert')
    const draft = expectStatus(await admin.get(`/api/positions/${new URL(positionUrl).pathname.split('/')[2]}/draft`), 200, 'draft')
    expect(draft.html).toContain(`<h2>${LENA_TEXT}</h2>`)
    expect(draft.html).toContain(`<strong>${MURAT_TEXT}</strong>`)
    expect(draft.html).toContain('href="https://proasyl.de"')
    expect(draft.html).not.toContain('Sara war hier')
  })

  it('keeps edits made offline and merges them when the connection is back', async () => {
    await murat.context().setOffline(true)
    await murat.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'offline – Änderungen bleiben erhalten', undefined, {
      timeout: 10_000,
    })
    await clickAtEnd(murat)
    await murat.keyboard.press('Enter')
    await murat.keyboard.type('Offline geschrieben.')
    await shoot(murat, 'co-06-position-offline')
    await murat.context().setOffline(false)
    await seesText(lena, 'Offline geschrieben.', 15_000)
    await murat.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert', undefined, { timeout: 15_000 })
  })

  it('locks the open editors when a round opens, and unlocks them when it ends without adoption', async () => {
    const positionId = new URL(positionUrl).pathname.split('/')[2]!
    const coordinator = await apiAs(server, LENA)
    const roundId = await seedRound(coordinator, positionId, {
      kind: 'consent',
      quorum: 0.5,
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      shortNotice: { reason: 'Die Sitzung ist heute Abend.' },
    })
    await murat.waitForFunction(
      () => document.querySelector('[data-editor-status]')?.textContent === 'nur lesen – gesperrt, solange über eine Fassung entschieden wird',
      undefined,
      { timeout: 5_000 },
    )
    await expect(editorOf(murat).getAttribute('contenteditable')).resolves.toBe('false')
    await expect(murat.getByRole('toolbar', { name: 'Formatierung' }).isVisible()).resolves.toBe(false)
    await editorOf(murat).click()
    await murat.keyboard.type('Während der Runde')
    await expect(textIn(lena, '')).resolves.not.toContain('Während der Runde')
    await shoot(murat, 'co-07-position-locked')

    // Nobody answered: no quorum, back to drafting, and the same pages may write again.
    expectStatus(await coordinator.post(`/api/rounds/${roundId}/close`), 200, 'close round')
    await murat.waitForFunction(() => document.querySelector('[data-editor-status]')?.textContent === 'gespeichert', undefined, { timeout: 5_000 })
    await expect(murat.getByRole('toolbar', { name: 'Formatierung' }).isVisible()).resolves.toBe(true)
    await clickAtEnd(murat)
    await murat.keyboard.type(' Wieder offen.')
    await seesText(lena, 'Wieder offen.')
  })

  it('makes an open editor read-only, and says why, when its person is taken out of the working group', async () => {
    expectStatus(await admin.delete(`/api/groups/${groupId}/members/${muratId}`), 204, 'remove group member')
    await murat.waitForFunction(
      () => document.querySelector('[data-editor-status]')?.textContent?.startsWith('nur lesen – du darfst diesen Entwurf nicht mehr bearbeiten'),
      undefined,
      { timeout: 5_000 },
    )
    await expect(editorOf(murat).getAttribute('contenteditable')).resolves.toBe('false')
    await expect(murat.getByRole('toolbar', { name: 'Formatierung' }).isVisible()).resolves.toBe(false)
    await editorOf(murat).click()
    await murat.keyboard.type('Nach dem Austritt')
    await expect(textIn(lena, '')).resolves.not.toContain('Nach dem Austritt')
    await shoot(murat, 'co-08-position-rights-removed')
  })
})

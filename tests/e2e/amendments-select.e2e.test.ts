import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editorSchema } from '../../shared/editor/extensions.ts'
import { connectDraft } from '../support/yjs-client.ts'
import { api, apiLogin, expectStatus } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { seedFirstAdmin, seedPerson } from './support/seed.ts'
import { startServer, type E2eServer } from './support/server.ts'

// Issue 18, point 1 with JavaScript: a delegate selects a passage in the version's text (with the
// mouse, the keyboard, or on a phone by tapping a paragraph), gets "Änderung vorschlagen", writes
// the replacement in the editor (bold allowed; empty deletes), and sees it as Ä1, Ä2 … with an
// inline diff that shows the formatting.
describe('amendments: selecting the passage in the version text', () => {
  let server: E2eServer
  let browser: Browser
  let amendmentsUrl: string
  let murat: Page
  let amina: Page

  const PASSWORD = 'Donnerstags treffen wir uns im Gemeindehaus'
  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: PASSWORD }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@refugees-welcome.example', password: PASSWORD }
  const AMINA = { name: 'Amina Haddad', email: 'amina@fluechtlingshilfe.example', password: PASSWORD }
  const INITIATIVES = ['Internationales Café Winsen', 'Refugees Welcome Lüneburg', 'Flüchtlingshilfe Bardowick']
  const FIRST = 'Wir fordern bezahlbaren Wohnraum. Die Mieten steigen.'
  const SECOND = 'Sprachkurse ab dem ersten Tag.'
  const CONTENT = {
    type: 'doc',
    content: [FIRST, SECOND].map((value) => ({ type: 'paragraph', content: [{ type: 'text', text: value }] })),
  }

  async function openAs(account: typeof LENA, options: Parameters<typeof newContext>[1] = {}): Promise<Page> {
    const page = await (await newContext(browser, options)).newPage()
    await login(page, server.url, account.email, account.password)
    return page
  }

  /** Drags the mouse over `words` of the version's text, as a person selects a passage. */
  async function dragOver(page: Page, words: string): Promise<void> {
    const box = await page.evaluate((words) => {
      const root = document.querySelector('[data-amend-text]')!
      // In the middle of the window: at its bottom edge, the sticky button bar would be in the way.
      root.scrollIntoView({ block: 'center' })
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(words)
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + 1)
        const start = range.getBoundingClientRect()
        range.setStart(node, at + words.length - 1)
        range.setEnd(node, at + words.length)
        const end = range.getBoundingClientRect()
        return { x1: start.left + 1, y1: start.top + start.height / 2, x2: end.right - 1, y2: end.top + end.height / 2 }
      }
      throw new Error(`not in the text: ${words}`)
    }, words)
    await page.mouse.move(box.x1, box.y1)
    await page.mouse.down()
    await page.mouse.move(box.x2, box.y2, { steps: 8 })
    await page.mouse.up()
  }

  const editorOf = (page: Page) => page.locator('[data-amend-replacement] .ProseMirror')

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    const admin = await seedFirstAdmin(server, { name: 'Aylin Demir', email: 'aylin@buendnis.example', password: 'Kaffee am Hafen um halb acht' })
    const group = expectStatus(await admin.post('/api/groups', { name: 'AG Wohnen' }), 201, 'group') as { id: string }
    for (const [i, person] of [LENA, MURAT, AMINA].entries()) {
      const initiative = expectStatus(await admin.post('/api/initiatives', { name: INITIATIVES[i] }), 201, 'initiative') as { id: string }
      const id = await seedPerson(admin, person)
      expectStatus(await admin.post(`/api/initiatives/${initiative.id}/members`, { personId: id, role: 'delegate' }), 201, 'delegate')
      expectStatus(await admin.post(`/api/groups/${group.id}/members`, { personId: id, coordinator: i === 0 }), 201, 'group member')
    }
    const lenaCookie = await apiLogin(server, LENA.email, LENA.password)
    const lena = api(server, lenaCookie)
    const positionId = (expectStatus(await lena.post('/api/positions', { groupId: group.id, title: 'Wohnraum und Sprache' }), 201, 'position') as { id: string }).id
    amendmentsUrl = `${server.url}/positions/${positionId}/amendments`
    const writer = connectDraft(server.url.replace(/^http/, 'ws') + '/sync', positionId, lenaCookie, { origin: server.url })
    await writer.synced(15_000)
    prosemirrorJSONToYXmlFragment(editorSchema(), CONTENT, writer.doc.getXmlFragment('content'))
    for (let i = 0; ; i++) {
      const draft = expectStatus(await lena.get(`/api/positions/${positionId}/draft`), 200, 'draft') as { html: string }
      if (draft.html.includes(SECOND)) break
      if (i > 200) throw new Error('the draft was never stored')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    writer.destroy()
    expectStatus(await lena.post(`/api/positions/${positionId}/versions`, {}), 201, 'version 1')
    ;[murat, amina] = await Promise.all([openAs(MURAT), openAs(AMINA)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('with the mouse: selects a passage, writes a bold replacement, proposes; Ä1 shows the bold text in its inline diff', async () => {
    await murat.goto(amendmentsUrl)
    await checkPage(murat, 'as-01-text-to-select')
    // Without a passage taken, the quote field (the way without JavaScript) is still there.
    await expect(murat.getByLabel('Stelle (genau aus dem Text kopiert)').isVisible()).resolves.toBe(true)
    await dragOver(murat, 'bezahlbaren Wohnraum')
    await murat.getByText('Markiert: „bezahlbaren Wohnraum“').waitFor()
    await murat.getByRole('button', { name: 'Änderung vorschlagen' }).click()

    const passage = murat.locator('[data-amend-passage]')
    await expect(passage.locator('blockquote').textContent()).resolves.toBe('bezahlbaren Wohnraum')
    await expect(murat.getByLabel('Stelle (genau aus dem Text kopiert)').isVisible()).resolves.toBe(false)
    // The editor starts with the passage and has the focus; the change is said to screen readers.
    await expect(editorOf(murat).textContent()).resolves.toBe('bezahlbaren Wohnraum')
    await expect(murat.evaluate(() => document.activeElement?.id)).resolves.toBe('amend-text')
    await murat.locator('.amend-select-bar [role=status]').filter({ hasText: 'Stelle übernommen: „bezahlbaren Wohnraum“' }).waitFor({ state: 'attached' })

    await murat.keyboard.press('Control+A')
    await murat.keyboard.type('bezahlbaren und ')
    await murat.keyboard.press('Control+B')
    await murat.keyboard.type('sicheren')
    await murat.keyboard.press('Control+B')
    await murat.keyboard.type(' Wohnraum')
    await expect(editorOf(murat).locator('strong').textContent()).resolves.toBe('sicheren')
    await murat.getByLabel('Begründung', { exact: true }).fill('Sicherheit gehört dazu.')
    await checkPage(murat, 'as-02-passage-taken')
    await clickAndWait(murat, murat.getByRole('button', { name: 'Änderungsantrag stellen' }))

    expect(murat.url()).toBe(`${amendmentsUrl}#a-1`)
    const a1 = murat.locator('#a-1')
    await expect(a1.locator('h2').textContent()).resolves.toContain('Ä1')
    await expect(a1.textContent()).resolves.toContain('für Refugees Welcome Lüneburg')
    await expect(a1.locator('del').textContent()).resolves.toBe('bezahlbaren Wohnraum')
    await expect(a1.locator('ins').textContent()).resolves.toBe('bezahlbaren und sicheren Wohnraum')
    await expect(a1.locator('ins strong').textContent()).resolves.toBe('sicheren')
    await checkPage(murat, 'as-03-proposed-bold')
  })

  it('with the keyboard: into the text, Shift+arrows, Tab to the button; an emptied editor proposes to delete the passage', async () => {
    await amina.goto(amendmentsUrl)
    const text = amina.getByRole('textbox', { name: 'Text der Fassung 1 (nur lesen)' })
    await text.focus()
    await amina.keyboard.press('End')
    for (let i = 0; i < 'Die Mieten steigen.'.length; i++) await amina.keyboard.press('Shift+ArrowLeft')
    await amina.getByText('Markiert: „Die Mieten steigen.“').waitFor()
    await amina.keyboard.press('Tab')
    await expect(amina.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Änderung vorschlagen')
    await amina.keyboard.press('Enter')
    await expect(amina.evaluate(() => document.activeElement?.id)).resolves.toBe('amend-text')
    await amina.locator('.amend-select-bar [role=status]').filter({ hasText: 'Stelle übernommen: „Die Mieten steigen.“' }).waitFor({ state: 'attached' })
    await amina.keyboard.press('Control+A')
    await amina.keyboard.press('Delete')
    await amina.getByText('Der neue Text ist leer: Der Antrag streicht die Stelle.').waitFor()
    await amina.keyboard.press('Tab')
    await expect(amina.evaluate(() => document.activeElement?.id)).resolves.toBe('amend-reason')
    await amina.keyboard.type('Das ist keine Forderung.')
    await checkPage(amina, 'as-04-keyboard-deletion')
    await clickAndWait(amina, amina.getByRole('button', { name: 'Änderungsantrag stellen' }))
    const a2 = amina.locator('#a-2')
    await expect(a2.locator('del').textContent()).resolves.toBe('Die Mieten steigen.')
    await expect(a2.locator('ins').count()).resolves.toBe(0)
    await expect(a2.textContent()).resolves.toContain('(streichen)')
    await checkPage(amina, 'as-05-deletion-proposed')
  })

  it('"Andere Stelle wählen" drops the passage and leads back to the text; what was written in the editor stays for the next passage', async () => {
    await murat.goto(amendmentsUrl)
    await dragOver(murat, 'Sprachkurse')
    await murat.getByText('Markiert: „Sprachkurse“').waitFor()
    await murat.getByRole('button', { name: 'Änderung vorschlagen' }).click()
    await expect(editorOf(murat).textContent()).resolves.toBe('Sprachkurse')
    await murat.keyboard.press('Control+A')
    await murat.keyboard.type('Deutschkurse')
    await murat.getByRole('button', { name: 'Andere Stelle wählen' }).click()
    await expect(murat.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Text der Fassung 1 (nur lesen)')
    await murat.locator('.amend-select-bar [role=status]').filter({ hasText: 'Stelle verworfen.' }).waitFor({ state: 'attached' })
    await expect(murat.getByLabel('Stelle (genau aus dem Text kopiert)').isVisible()).resolves.toBe(true)
    await expect(murat.locator('[data-amend-passage]').isVisible()).resolves.toBe(false)
    await dragOver(murat, 'Sprachkurse ab')
    await murat.getByText('Markiert: „Sprachkurse ab“').waitFor()
    await murat.getByRole('button', { name: 'Änderung vorschlagen' }).click()
    await expect(murat.locator('[data-amend-passage] blockquote').textContent()).resolves.toBe('Sprachkurse ab')
    await expect(editorOf(murat).textContent()).resolves.toBe('Deutschkurse')
    await checkPage(murat, 'as-06-other-passage')
  })

  it('on a 360 px phone: a tap into a paragraph and the button take the whole paragraph, which is then narrowed in the editor', async () => {
    const phone = await openAs(AMINA, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })
    await phone.goto(amendmentsUrl)
    const paragraph = phone.locator('[data-amend-text] p', { hasText: SECOND })
    await paragraph.tap()
    await phone.getByRole('button', { name: 'Änderung vorschlagen' }).tap()
    await expect(phone.locator('[data-amend-passage] blockquote').textContent()).resolves.toBe(SECOND)
    await expect(editorOf(phone).textContent()).resolves.toBe(SECOND)
    // Narrowed down: only the words after "Sprachkurse" change.
    await editorOf(phone).press('End')
    for (let i = 0; i < 'ab dem ersten Tag.'.length; i++) await phone.keyboard.press('Backspace')
    await phone.keyboard.type('für alle, sofort.')
    await phone.getByLabel('Begründung', { exact: true }).fill('Alle, nicht nur manche.')
    await checkPage(phone, 'as-07-phone-paragraph-taken')
    await clickAndWait(phone, phone.getByRole('button', { name: 'Änderungsantrag stellen' }))
    const a3 = phone.locator('#a-3')
    await expect(a3.locator('del').textContent()).resolves.toBe(SECOND)
    await expect(a3.locator('ins').textContent()).resolves.toBe('Sprachkurse für alle, sofort.')
    await checkPage(phone, 'as-08-phone-proposed')
    await phone.context().close()
  })
})

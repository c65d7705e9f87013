import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editorSchema } from '../../shared/editor/extensions.ts'
import { connectDraft } from '../support/yjs-client.ts'
import { api, apiLogin, expectStatus, type ApiClient } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { seedFirstAdmin, seedPerson } from './support/seed.ts'
import { startServer, type E2eServer } from './support/server.ts'

// Issue 18's story through the pages: on version 1 three amendments are proposed; the
// coordinator takes Ä1 over, rejects Ä3 and puts Ä2 to a vote, which adopts it; version 2,
// frozen and adopted by a consent round, contains exactly Ä1 and Ä2.
describe('amendments: from version 1 through three amendments to version 2', () => {
  let server: E2eServer
  let browser: Browser
  let positionId: string
  let amendmentsUrl: string
  let roundUrl: string
  let lena: Page
  let murat: Page
  let amina: Page
  const clients: ApiClient[] = []

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

  async function openAs(account: typeof LENA): Promise<Page> {
    const page = await (await newContext(browser)).newPage()
    await login(page, server.url, account.email, account.password)
    return page
  }

  async function propose(page: Page, quote: string, text: string, reason: string) {
    await page.goto(amendmentsUrl)
    await page.getByLabel('Stelle (genau aus dem Text kopiert)').fill(quote)
    await page.getByLabel('Neuer Text').fill(text)
    await page.getByLabel('Begründung', { exact: true }).fill(reason)
    await clickAndWait(page, page.getByRole('button', { name: 'Änderungsantrag stellen' }))
  }

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
    const admin = await seedFirstAdmin(server, { name: 'Aylin Demir', email: 'aylin@buendnis.example', password: 'Kaffee am Hafen um halb acht' })
    const group = expectStatus(await admin.post('/api/groups', { name: 'AG Wohnen' }), 201, 'group') as { id: string }
    for (const [i, person] of [LENA, MURAT, AMINA].entries()) {
      const initiative = expectStatus(await admin.post('/api/initiatives', { name: INITIATIVES[i], weight: i === 0 ? 2 : 1 }), 201, 'initiative') as { id: string }
      const id = await seedPerson(admin, person)
      expectStatus(await admin.post(`/api/initiatives/${initiative.id}/members`, { personId: id, role: 'delegate' }), 201, 'delegate')
      expectStatus(await admin.post(`/api/groups/${group.id}/members`, { personId: id, coordinator: i === 0 }), 201, 'group member')
      clients.push(api(server, await apiLogin(server, person.email, person.password)))
    }
    const lenaCookie = await apiLogin(server, LENA.email, LENA.password)
    positionId = (expectStatus(await clients[0]!.post('/api/positions', { groupId: group.id, title: 'Wohnraum und Sprache' }), 201, 'position') as { id: string }).id
    amendmentsUrl = `${server.url}/positions/${positionId}/amendments`
    const writer = connectDraft(server.url.replace(/^http/, 'ws') + '/sync', positionId, lenaCookie, { origin: server.url })
    await writer.synced(15_000)
    prosemirrorJSONToYXmlFragment(editorSchema(), CONTENT, writer.doc.getXmlFragment('content'))
    for (let i = 0; ; i++) {
      const draft = expectStatus(await clients[0]!.get(`/api/positions/${positionId}/draft`), 200, 'draft') as { html: string }
      if (draft.html.includes(SECOND)) break
      if (i > 200) throw new Error('the draft was never stored')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    writer.destroy()
    expectStatus(await clients[0]!.post(`/api/positions/${positionId}/versions`, {}), 201, 'version 1')
    ;[lena, murat, amina] = await Promise.all([openAs(LENA), openAs(MURAT), openAs(AMINA)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('three delegates propose amendments to version 1, shown as inline diffs Ä1 … Ä3', async () => {
    await murat.goto(amendmentsUrl)
    await checkPage(murat, 'am-01-amendments-empty')
    await propose(murat, 'Die Mieten steigen.', 'Die Mieten müssen sinken.', 'Steigen ist keine Forderung.')
    await propose(amina, 'ab dem ersten Tag.', 'für alle, sofort.', 'Alle, nicht nur manche.')
    await propose(amina, 'bezahlbaren', 'billigen', 'Kürzer.')
    await expect(amina.locator('#a-1 del').textContent()).resolves.toBe('Die Mieten steigen.')
    await expect(amina.locator('#a-1 ins').textContent()).resolves.toBe('Die Mieten müssen sinken.')
    await checkPage(amina, 'am-02-three-amendments')
  })

  it('Lena asks in Ä1’s discussion and Murat, its author, answers there, with the plain reply form', async () => {
    await lena.goto(amendmentsUrl)
    const discussion = lena.locator('#a-1 .amendment-discussion')
    await expect(discussion.getByRole('heading').textContent()).resolves.toBe('Diskussion zu Ä1 (noch keine Antworten)')
    await discussion.getByLabel('Deine Antwort zu Ä1').fill('Warum sinken und nicht: bezahlbar bleiben?')
    await clickAndWait(lena, discussion.getByRole('button', { name: 'Antwort senden' }))
    expect(lena.url()).toMatch(/\/amendments#comment-[a-z0-9]+$/)
    await checkPage(lena, 'am-02a-discussion-asked')

    await murat.goto(amendmentsUrl)
    const his = murat.locator('#a-1 .amendment-discussion')
    await expect(his.locator('.comment-reply').first().textContent()).resolves.toContain('Lena Hoffmann')
    await his.getByLabel('Deine Antwort zu Ä1').fill('Weil sie schon jetzt zu hoch sind.')
    await clickAndWait(murat, his.getByRole('button', { name: 'Antwort senden' }))
    await expect(murat.locator('#a-1 .amendment-discussion h3').textContent()).resolves.toBe('Diskussion zu Ä1 (2 Antworten)')
    await expect(murat.locator('#a-1 .comment-reply').nth(1).textContent()).resolves.toContain('Weil sie schon jetzt zu hoch sind.')
    await checkPage(murat, 'am-02b-discussion-answered')
  })

  it('the coordinator takes Ä1 over, rejects Ä3 with a reason and puts Ä2 to a vote', async () => {
    await lena.goto(amendmentsUrl)
    await clickAndWait(lena, lena.locator('#a-1').getByRole('button', { name: 'Übernehmen' }))
    await expect(lena.locator('#a-1 .status').textContent()).resolves.toBe('eingearbeitet')
    await lena.locator('#a-3').getByLabel('Begründung der Ablehnung').fill('„Billig“ klingt nach schlechten Wohnungen.')
    await clickAndWait(lena, lena.locator('#a-3').getByRole('button', { name: 'Ablehnen' }))
    await expect(lena.locator('#a-3 .status').textContent()).resolves.toBe('abgelehnt')
    await checkPage(lena, 'am-03-decided')
    await lena.getByLabel('Ä2', { exact: true }).check()
    await clickAndWait(lena, lena.getByRole('button', { name: 'Abstimmung öffnen' }))
    expect(lena.url()).toMatch(/\/rounds\/[a-z0-9]+$/)
    roundUrl = lena.url()
  })

  it('the delegates answer Ä2 on the ballot page; closed, it is adopted and merged', async () => {
    for (const [page, answer] of [
      [lena, 'Ja'],
      [murat, 'Ja'],
      [amina, 'Nein'],
    ] as const) {
      await page.goto(roundUrl)
      if (page === murat) await checkPage(page, 'am-04-amendment-ballot')
      await page.getByLabel(answer, { exact: true }).check()
      await clickAndWait(page, page.getByRole('button', { name: 'Antworten abgeben' }))
      expect(page.url()).toContain('saved=1')
    }
    await checkPage(amina, 'am-05-ballot-saved')
    // As on any round, the coordinator may move the deadline later with a reason everyone sees.
    await lena.goto(roundUrl)
    await lena.locator('summary', { hasText: 'Frist verlängern' }).click()
    await lena.locator('#extend-reason').fill('Zwei Initiativen tagen erst am Donnerstag.')
    await clickAndWait(lena, lena.locator('#extend-form').getByRole('button', { name: 'Frist verlängern' }))
    await expect(lena.locator('.extensions').textContent()).resolves.toContain('Zwei Initiativen tagen erst am Donnerstag.')
    await expect(lena.locator('summary', { hasText: 'Runde abbrechen' }).count()).resolves.toBe(1)
    await checkPage(lena, 'am-05b-round-extended')
    await clickAndWait(lena, lena.getByRole('button', { name: 'Runde jetzt schließen' }))
    const result = lena.getByRole('region', { name: 'Ergebnis je Änderungsantrag' })
    await expect(result.textContent()).resolves.toMatch(/Ä2 · eingearbeitet.*angenommen · Ja 3, Nein 1, Enthaltung 0/)
    await checkPage(lena, 'am-06-round-result')
  })

  it('version 2, adopted by a consent round, contains exactly Ä1 and Ä2', async () => {
    const consent = expectStatus(
      await clients[0]!.post(`/api/positions/${positionId}/rounds`, { kind: 'consent', quorum: 0.5, closesAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString() }),
      201,
      'consent round',
    ) as { id: string }
    for (const client of clients) expectStatus(await client.put(`/api/rounds/${consent.id}/ballot`, { choice: 'consent' }), 200, 'consent')
    expectStatus(await clients[0]!.post(`/api/rounds/${consent.id}/close`, {}), 200, 'close')

    await murat.goto(`${server.url}/positions/${positionId}/versions/2`)
    const text = await murat.getByRole('main').textContent()
    expect(text).toContain('Wir fordern bezahlbaren Wohnraum. Die Mieten müssen sinken.')
    expect(text).toContain('Sprachkurse für alle, sofort.')
    const contained = await murat.getByRole('region', { name: 'Enthaltene Änderungsanträge' }).textContent()
    expect(contained).toContain('Ä1')
    expect(contained).toContain('Ä2')
    expect(contained).not.toContain('Ä3')
    await checkPage(murat, 'am-07-version-2')
    await murat.goto(amendmentsUrl)
    for (const n of [1, 2]) await expect(murat.locator(`#a-${n}`).textContent()).resolves.toContain('enthalten in Fassung 2')
    await expect(murat.locator('#a-3').textContent()).resolves.not.toContain('enthalten in Fassung')
    await checkPage(murat, 'am-08-amendments-in-version-2')
  })
})

import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editorSchema } from '../../shared/editor/extensions.ts'
import { toLocalInput } from '../../web/views/rounds/zoned-time.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts'
import { connectDraft } from '../support/yjs-client.ts'
import { api, apiLogin, expectStatus } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { login } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { seedFirstAdmin, seedPerson } from './support/seed.ts'
import { startServer, type E2eServer } from './support/server.ts'

// Notifications in real Chromium with a real SMTP server: the coordinator opens a round, the
// delegate's mail arrives, its link leads to the ballot, the answer counts, and the reminder the
// coordinator then sends skips that initiative. Screenshots: tests/e2e/screenshots/notifications-*.png.
describe('notifications: a round opens, the mail leads to the ballot, the reminder skips who answered', () => {
  let server: E2eServer
  let smtp: SmtpSink
  let browser: Browser
  let positionId: string
  let roundUrl: string
  let lena: Page

  const PASSWORD = 'Montags ist die Beratung im Stadtteilladen'
  const LENA = { name: 'Lena Hoffmann', email: 'lena@cafe-winsen.example', password: PASSWORD }
  const MURAT = { name: 'Murat Yıldız', email: 'murat@refugees-welcome.example', password: PASSWORD }
  const AMINA = { name: 'Amina Haddad', email: 'amina@fluechtlingshilfe.example', password: PASSWORD }
  const ADMIN = { name: 'Aylin Demir', email: 'aylin@buendnis.example', password: 'Kaffee am Hafen um halb acht' }
  const INITIATIVES = ['Internationales Café Winsen', 'Refugees Welcome Lüneburg', 'Flüchtlingshilfe Bardowick']
  const TITLE = 'Arbeitserlaubnis ohne Wartezeit'
  const DEMAND = 'Wer eine Stelle in Aussicht hat, bekommt die Arbeitserlaubnis innerhalb von zwei Wochen.'

  const mailsTo = (address: string) => smtp.mails.filter((m) => (m.to as { value: Array<{ address: string }> }).value[0]!.address === address)

  async function openAs(account: typeof LENA): Promise<Page> {
    const page = await (await newContext(browser)).newPage()
    await login(page, server.url, account.email, account.password)
    return page
  }

  beforeAll(async () => {
    smtp = await startSmtpSink()
    ;[server, browser] = await Promise.all([startServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Sprachrohr <positionen@buendnis.example>' } }), launchBrowser()])
    const admin = await seedFirstAdmin(server, ADMIN)
    const group = expectStatus(await admin.post('/api/groups', { name: 'AG Arbeitsmarkt', description: 'Arbeit, Ausbildung, Anerkennung.' }), 201, 'group') as { id: string }
    const initiativeIds: string[] = []
    for (const name of INITIATIVES) initiativeIds.push((expectStatus(await admin.post('/api/initiatives', { name }), 201, 'initiative') as { id: string }).id)
    for (const [person, initiative, coordinator] of [
      [LENA, 0, true],
      [MURAT, 1, false],
      [AMINA, 2, false],
    ] as const) {
      const id = await seedPerson(admin, person)
      expectStatus(await admin.post(`/api/initiatives/${initiativeIds[initiative]}/members`, { personId: id, role: 'delegate' }), 201, 'delegate')
      expectStatus(await admin.post(`/api/groups/${group.id}/members`, { personId: id, coordinator }), 201, 'group member')
    }
    const lenaCookie = await apiLogin(server, LENA.email, LENA.password)
    positionId = (expectStatus(await api(server, lenaCookie).post('/api/positions', { groupId: group.id, title: TITLE }), 201, 'position') as { id: string }).id
    const writer = connectDraft(server.url.replace(/^http/, 'ws') + '/sync', positionId, lenaCookie, { origin: server.url })
    await writer.synced(15_000)
    prosemirrorJSONToYXmlFragment(editorSchema(), { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: DEMAND }] }] }, writer.doc.getXmlFragment('content'))
    const lenaApi = api(server, lenaCookie)
    for (let i = 0; ; i++) {
      const draft = expectStatus(await lenaApi.get(`/api/positions/${positionId}/draft`), 200, 'draft') as { html: string }
      if (draft.html.includes(DEMAND)) break
      if (i > 200) throw new Error('the draft was never stored')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    writer.destroy()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await smtp?.close()
  })

  it('mails every delegate when the coordinator opens a round', async () => {
    lena = await openAs(LENA)
    await lena.goto(`${server.url}/positions/${positionId}`)
    await lena.locator('.open-round-details > summary').click()
    const form = lena.getByRole('region', { name: 'Runde eröffnen' })
    await form.getByLabel('Ende der Runde').fill(toLocalInput(Date.now() + 3 * 24 * 3600_000))
    await clickAndWait(lena, form.getByRole('button', { name: 'Runde eröffnen' }))
    roundUrl = lena.url()
    expect(new URL(roundUrl).pathname).toMatch(/^\/rounds\//)
    await checkPage(lena, 'notifications-01-round-opened')

    await smtp.waitForMails(3)
    const [mail] = mailsTo(MURAT.email)
    expect(mail!.subject).toBe(`Konsensrunde zu „${TITLE}“ bis ${mail!.subject!.split(' bis ')[1]}`)
    expect(mail!.text).toContain(`Hallo ${MURAT.name},`)
    expect(mail!.html).toContain(`href="${roundUrl}"`)
    expect(mail!.attachments.map((a) => a.contentType)).toEqual(['text/calendar'])
  })

  it("leads from the delegate's mail to the ballot, where the answer counts", async () => {
    const [mail] = mailsTo(MURAT.email)
    const link = mail!.text!.match(/Zur Runde: (\S+)/)![1]!
    expect(link).toBe(roundUrl)
    const murat = await openAs(MURAT)
    await murat.goto(link)
    await checkPage(murat, 'notifications-02-ballot-from-mail')
    const form = murat.getByRole('region', { name: 'Deine Antwort' })
    await form.getByRole('radio', { name: 'Zustimmung', exact: true }).check()
    await clickAndWait(murat, form.getByRole('button', { name: 'Antwort abgeben' }))
    await expect(murat.getByText('Deine Antwort ist gespeichert.').isVisible()).resolves.toBe(true)

    // The in-app list has it too, read once opened.
    await murat.goto(`${server.url}/notifications`)
    await expect(murat.getByRole('main').getByRole('link', { name: `Konsensrunde zu „${TITLE}“`, exact: false }).isVisible()).resolves.toBe(true)
    await checkPage(murat, 'notifications-03-list')
  })

  it('reminds only the initiatives whose answer is missing', async () => {
    await lena.goto(roundUrl)
    const pending = lena.getByRole('main').getByRole('region', { name: 'Noch nicht geantwortet' })
    await expect(pending.getByText(INITIATIVES[1]!).count()).resolves.toBe(0)
    const before = smtp.mails.length
    await clickAndWait(lena, lena.getByRole('button', { name: 'Fehlende erinnern' }))
    await checkPage(lena, 'notifications-04-after-nudge')
    await smtp.waitForMails(before + 2)
    const reminders = smtp.mails.slice(before)
    const to = reminders.map((m) => (m.to as { value: Array<{ address: string }> }).value[0]!.address).sort()
    expect(to).toEqual([AMINA.email, LENA.email].sort())
    expect(reminders[0]!.subject).toBe(`Bitte antworten: „${TITLE}“`)
    // Nothing more arrives for Murat's initiative.
    expect(mailsTo(MURAT.email)).toHaveLength(1)
  })

  it('shows the admin what went out and that mail is set up', async () => {
    const admin = await openAs(ADMIN)
    await admin.goto(`${server.url}/admin/mail`)
    await expect(admin.getByText('Mail ist eingerichtet', { exact: false }).isVisible()).resolves.toBe(true)
    await checkPage(admin, 'notifications-05-admin-mail')
    await admin.goto(`${server.url}/me`)
    await checkPage(admin, 'notifications-06-account-settings')
  })
})

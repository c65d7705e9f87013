import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toLocalInput } from '../../web/views/rounds/zoned-time.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts'
import { api, apiLogin } from './support/api.ts'
import { launchBrowser } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { paragraphs, writeDraft } from './support/draft-writer.ts'
import { pageAs } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { FIRST_ADMIN, seedFirstAdmin } from './support/seed.ts'
import { seedDelegate, seedGroup, seedInitiative } from './support/seed-alliance.ts'
import { seedPosition } from './support/seed-position.ts'
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
  const ADMIN = FIRST_ADMIN
  const INITIATIVES = ['Internationales Café Winsen', 'Refugees Welcome Lüneburg', 'Flüchtlingshilfe Bardowick']
  const TITLE = 'Arbeitserlaubnis ohne Wartezeit'
  const DEMAND = 'Wer eine Stelle in Aussicht hat, bekommt die Arbeitserlaubnis innerhalb von zwei Wochen.'

  const mailsTo = (address: string) => smtp.mails.filter((m) => (m.to as { value: Array<{ address: string }> }).value[0]!.address === address)

  const openAs = (account: typeof LENA): Promise<Page> => pageAs(browser, server.url, account)

  beforeAll(async () => {
    smtp = await startSmtpSink()
    ;[server, browser] = await Promise.all([startServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Sprachrohr <positionen@buendnis.example>' } }), launchBrowser()])
    const admin = await seedFirstAdmin(server, ADMIN)
    const groupId = await seedGroup(admin, { name: 'AG Arbeitsmarkt', description: 'Arbeit, Ausbildung, Anerkennung.' })
    const initiativeIds: string[] = []
    for (const name of INITIATIVES) initiativeIds.push(await seedInitiative(admin, { name }))
    for (const [person, initiative, coordinator] of [
      [LENA, 0, true],
      [MURAT, 1, false],
      [AMINA, 2, false],
    ] as const) {
      await seedDelegate(admin, person, { initiativeId: initiativeIds[initiative]!, groupId, coordinator })
    }
    const lenaCookie = await apiLogin(server, LENA.email, LENA.password)
    positionId = await seedPosition(api(server, lenaCookie), groupId, TITLE)
    await writeDraft(server, lenaCookie, positionId, paragraphs(DEMAND))
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

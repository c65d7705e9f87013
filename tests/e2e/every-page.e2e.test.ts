import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../server/cli/main.ts'
import { DEMO_PASSWORD, demoEmail } from '../../server/cli/demo.ts'
import { wordFile } from '../support/docx-fixtures.ts'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts'
import { api, apiAs, expectStatus, type ApiClient } from './support/api.ts'
import { launchBrowser, newContext } from './support/browser.ts'
import { checkPage } from './support/check-page.ts'
import { contentInWrongLanguage, timesWithoutZone, type KnownContent } from './support/content-language.ts'
import { login } from './support/login.ts'
import { clickAndWait } from './support/navigation.ts'
import { startServer, type E2eServer } from './support/server.ts'

// Every HTML page of the app, in German and in English, as the person who would see it, filled
// with what real use leaves behind (the demo alliance: a draft with text, an open and a closed
// round, an adopted, a published and a withdrawn position, an Arabic and a Ukrainian
// translation; then comments, a mention, notifications and mail, an import, audit entries).
// On each: axe with every A and AA rule and every impact at 1280 and 360 px, reflow and text
// spacing at 320 px, every table cell in keyboard reach (checkPage), and, in the English
// interface, every piece of German content marked `lang="de"`, translations marked with their
// own language and direction.
describe('every page, in German and English, at 1280 and 360 px', () => {
  let server: E2eServer
  let smtp: SmtpSink
  let browser: Browser
  const ids: Record<string, string> = {}
  const contexts = new Map<string, BrowserContext>()

  type Who = 'visitor' | 'Sabine Hoffmann' | 'Fatima Haidari' | 'Ayşe Demir' | 'Michael Schneider' | 'Thomas Krüger' | 'Anna Schulz' | 'Samir Haddad'
  interface PageSpec {
    name: string
    who: Who
    path: () => string
    /** Something to do on the page before it is checked (e.g. send a form whose answer is the page). */
    act?: (page: Page) => Promise<void>
  }

  const COMMENT = 'Sollten wir hier nicht auch die Wartezeiten in Zahlen nennen?'
  const REPLY = 'Gute Idee, @Anna Schulz, ich suche die Zahlen vom Landesamt heraus.'
  // German content of the demo (titles, texts, summaries, group names and descriptions, reasons)
  // and what this test adds: in the English interface each must be marked as German.
  const GERMAN: KnownContent = {
    lang: 'de',
    texts: [
      'Sprachkurse ab dem ersten Tag',
      'Wohnungen statt Sammelunterkünfte',
      'Arbeitserlaubnis ohne Wartezeit',
      'Unabhängige Beschwerdestelle für Unterkünfte',
      'Residenzpflicht lockern',
      'Sprachkurse für alle',
      'Wer ankommt, wartet oft Monate',
      'Kinderbetreuung während der Kurse',
      'Viele Geflüchtete leben jahrelang',
      'Wer arbeiten will, soll arbeiten dürfen',
      'Wer in einer Unterkunft lebt',
      'Das Bündnis fordert eine unabhängige Beschwerdestelle',
      'Die Wohnsitzauflage verhindert',
      'Durch die neue Landesregelung überholt',
      'Die Fristen sind knapp, aber die Richtung stimmt',
      'Bitte auch an Familien mit vielen Kindern denken',
      'Wohnen und Leben',
      'Arbeitsmarktintegration',
      'Sprachförderung',
      'Ombudsstelle',
      'Wohnungssuche, Unterkünfte, Nachbarschaft',
      'Sprachkurse, Sprachcafés, Tandems',
      'Die Wartezeiten in Zahlen',
      COMMENT,
      'ich suche die Zahlen vom Landesamt heraus',
    ],
  }
  const TRANSLATED: KnownContent[] = [
    { lang: 'ar', dir: 'rtl', texts: ['هيئة شكاوى مستقلة لمراكز الإيواء', 'يطالب التحالف بهيئة شكاوى', 'من يعيش في مركز إيواء'] },
    { lang: 'uk', dir: 'ltr', texts: ['Незалежний орган скарг', 'Альянс вимагає незалежного органу', 'Хто живе в гуртожитку'] },
  ]

  const PAGES: PageSpec[] = [
    { name: 'login', who: 'visitor', path: () => '/login' },
    { name: 'setup-link', who: 'visitor', path: () => ids.setupPath! },
    { name: 'not-found', who: 'visitor', path: () => '/gibt-es-nicht' },
    { name: 'public-list', who: 'visitor', path: () => '/p' },
    { name: 'public-position', who: 'visitor', path: () => `/p/${ids.publishedSlug}` },
    { name: 'public-withdrawn', who: 'visitor', path: () => `/p/${ids.withdrawnSlug}` },
    { name: 'public-translation-ar', who: 'visitor', path: () => `/p/${ids.publishedSlug}/ar` },
    { name: 'public-translation-uk', who: 'visitor', path: () => `/p/${ids.publishedSlug}/uk` },
    { name: 'about', who: 'visitor', path: () => '/ueber-uns' },
    { name: 'imprint', who: 'visitor', path: () => '/impressum' },
    { name: 'privacy', who: 'visitor', path: () => '/datenschutz' },
    { name: 'unsubscribe', who: 'visitor', path: () => ids.unsubscribePath! },
    {
      name: 'unsubscribed',
      who: 'visitor',
      path: () => ids.unsubscribePath!,
      act: (page) => clickAndWait(page, page.getByRole('main').locator('form button[type=submit]').first()),
    },
    { name: 'home', who: 'Fatima Haidari', path: () => '/' },
    { name: 'group', who: 'Fatima Haidari', path: () => `/groups/${ids.groupSlug}` },
    { name: 'import', who: 'Fatima Haidari', path: () => `/groups/${ids.groupSlug}/import` },
    {
      name: 'import-report',
      who: 'Fatima Haidari',
      path: () => `/groups/${ids.groupSlug}/import`,
      act: async (page) => {
        await page.locator('input[type=file]').setInputFiles({
          name: 'sprachkurse.docx',
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          buffer: await wordFile(),
        })
        await clickAndWait(page, page.getByRole('main').locator('form button[type=submit]').first())
      },
    },
    { name: 'position-draft', who: 'Fatima Haidari', path: () => `/positions/${ids.draft}` },
    { name: 'position-history', who: 'Fatima Haidari', path: () => `/positions/${ids.published}/history` },
    { name: 'open-round-form', who: 'Fatima Haidari', path: () => `/positions/${ids.draft}/rounds/new` },
    { name: 'account', who: 'Fatima Haidari', path: () => '/me' },
    { name: 'notifications', who: 'Anna Schulz', path: () => '/notifications' },
    { name: 'position-in-round', who: 'Ayşe Demir', path: () => `/positions/${ids.inRound}` },
    { name: 'round-open-ballot', who: 'Anna Schulz', path: () => `/rounds/${ids.openRound}` },
    { name: 'round-open-coordinator', who: 'Ayşe Demir', path: () => `/rounds/${ids.openRound}` },
    { name: 'position-adopted', who: 'Michael Schneider', path: () => `/positions/${ids.adopted}` },
    { name: 'round-result', who: 'Michael Schneider', path: () => `/rounds/${ids.closedRound}` },
    { name: 'version', who: 'Michael Schneider', path: () => `/positions/${ids.adopted}/versions/1` },
    { name: 'diff', who: 'Michael Schneider', path: () => `/positions/${ids.adopted}/diff` },
    { name: 'home-spokesperson', who: 'Thomas Krüger', path: () => '/' },
    { name: 'publish-panel', who: 'Thomas Krüger', path: () => `/positions/${ids.adopted}/publish` },
    { name: 'position-published', who: 'Thomas Krüger', path: () => `/positions/${ids.published}` },
    { name: 'published-panel', who: 'Thomas Krüger', path: () => `/positions/${ids.published}/publish` },
    { name: 'position-withdrawn', who: 'Thomas Krüger', path: () => `/positions/${ids.withdrawn}` },
    { name: 'translations', who: 'Thomas Krüger', path: () => `/positions/${ids.published}/translations` },
    { name: 'translation-edit', who: 'Thomas Krüger', path: () => ids.translationEditPath! },
    { name: 'admin', who: 'Sabine Hoffmann', path: () => '/admin' },
    { name: 'admin-people', who: 'Sabine Hoffmann', path: () => '/admin/people' },
    { name: 'admin-person', who: 'Sabine Hoffmann', path: () => `/admin/people/${ids.person}` },
    { name: 'admin-groups', who: 'Sabine Hoffmann', path: () => '/admin/groups' },
    { name: 'admin-group', who: 'Sabine Hoffmann', path: () => `/admin/groups/${ids.group}` },
    { name: 'admin-initiatives', who: 'Sabine Hoffmann', path: () => '/admin/initiatives' },
    { name: 'admin-initiative', who: 'Sabine Hoffmann', path: () => `/admin/initiatives/${ids.initiative}` },
    { name: 'admin-alliance', who: 'Sabine Hoffmann', path: () => '/admin/alliance' },
    { name: 'admin-audit', who: 'Sabine Hoffmann', path: () => '/admin/audit' },
    { name: 'admin-mail', who: 'Sabine Hoffmann', path: () => '/admin/mail' },
  ]

  const client = (name: string): Promise<ApiClient> => apiAs(server, { email: demoEmail(name), password: DEMO_PASSWORD })

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sprachrohr-e2e-every-'))
    const code = await runCli(['demo'], { env: { DATA_DIR: dataDir, LANG: 'de_DE.UTF-8' }, print: () => {}, printError: () => {} })
    expect(code).toBe(0)
    smtp = await startSmtpSink()
    ;[server, browser] = await Promise.all([startServer({ dataDir, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Sprachrohr <positionen@buendnis.example>' } }), launchBrowser()])

    const admin = await client('Sabine Hoffmann')
    const { positions } = expectStatus(await admin.get('/api/positions'), 200, 'positions') as { positions: Array<{ id: string; title: string; slug: string; groupId: string }> }
    const byTitle = (title: string) => positions.find((p) => p.title === title) ?? expect.fail(`no position "${title}"`)
    ids.draft = byTitle('Sprachkurse ab dem ersten Tag').id
    ids.inRound = byTitle('Wohnungen statt Sammelunterkünfte').id
    ids.adopted = byTitle('Arbeitserlaubnis ohne Wartezeit').id
    ids.published = byTitle('Unabhängige Beschwerdestelle für Unterkünfte').id
    ids.withdrawn = byTitle('Residenzpflicht lockern').id
    const { groups } = expectStatus(await admin.get('/api/groups'), 200, 'groups') as { groups: Array<{ id: string; slug: string; name: string }> }
    const sprache = groups.find((g) => g.name === 'Sprachförderung')!
    ids.group = sprache.id
    ids.groupSlug = sprache.slug
    const roundsOf = async (positionId: string) =>
      (expectStatus(await admin.get(`/api/positions/${positionId}/rounds`), 200, 'rounds') as { rounds: Array<{ id: string }> }).rounds
    ids.openRound = (await roundsOf(ids.inRound))[0]!.id
    ids.closedRound = (await roundsOf(ids.adopted))[0]!.id
    const publicList = expectStatus(await api(server).get('/api/public/positions'), 200, 'public list') as Array<{ url: string; status: string }>
    ids.publishedSlug = new URL(publicList.find((p) => p.status !== 'withdrawn')!.url).pathname.split('/')[2]!
    ids.withdrawnSlug = new URL(publicList.find((p) => p.status === 'withdrawn')!.url).pathname.split('/')[2]!

    // Comments on the draft: a question on a passage, an answer that mentions Anna (she is told).
    const fatima = await client('Fatima Haidari')
    const comment = expectStatus(await fatima.post(`/api/positions/${ids.draft}/comments`, { body: COMMENT, anchor: { from: 16, to: 40 } }), 201, 'comment') as { id: string }
    expectStatus(await (await client('Samir Haddad')).post(`/api/comments/${comment.id}/replies`, { body: REPLY }), 201, 'reply')

    // A person invited but not yet set up: the admin's detail page and the setup link.
    const invited = expectStatus(await admin.post('/api/people', { name: 'Nadia Rahman', email: 'nadia@example.org' }), 201, 'person') as { id: string }
    ids.person = invited.id
    const { initiatives } = expectStatus(await admin.get('/api/initiatives'), 200, 'initiatives') as { initiatives: Array<{ id: string; name: string }> }
    ids.initiative = initiatives.find((i) => i.name === 'Internationales Café Winsen')!.id

    // The open round's mails went out when the server started; one of them carries an unsubscribe link.
    await smtp.waitForMails(1, 30_000)
    const link = smtp.mails.map((m) => m.text?.match(/(https?:\/\/\S+\/unsubscribe\/\S+)/)?.[1]).find(Boolean)
    ids.unsubscribePath = new URL(link ?? expect.fail('no mail with an unsubscribe link')).pathname

    const setup = await (await newContext(browser)).newPage()
    await login(setup, server.url, demoEmail('Sabine Hoffmann'), DEMO_PASSWORD)
    await setup.goto(`${server.url}/admin/people/${ids.person}`)
    await clickAndWait(setup, setup.locator(`form[action="/admin/people/${ids.person}/invite"] button`))
    ids.setupPath = new URL((await setup.locator('main').getByText(/\/setup\//).first().textContent())!.trim().match(/https?:\/\/\S+/)![0]).pathname
    await setup.goto(`${server.url}/positions/${ids.published}/translations`)
    ids.translationEditPath = (await setup.locator('a[href$="/edit"]').first().getAttribute('href'))!
    await setup.context().close()
  })

  afterAll(async () => {
    for (const context of contexts.values()) await context.close()
    await browser?.close()
    await server?.stop()
    await smtp?.close()
  })

  /** One browser per person and language; the English ones choose English once (kept with the account). */
  async function pageFor(who: Who, locale: 'de' | 'en'): Promise<Page> {
    const key = `${who}/${locale}`
    let context = contexts.get(key)
    if (!context) {
      context = await newContext(browser)
      contexts.set(key, context)
      const page = await context.newPage()
      if (who !== 'visitor') await login(page, server.url, demoEmail(who), DEMO_PASSWORD)
      const res = await page.request.post(`${server.url}/locale`, { form: { locale, back: '/' }, headers: { origin: server.url }, maxRedirects: 0 })
      expect(res.status()).toBe(303)
      return page
    }
    return context.pages()[0] ?? context.newPage()
  }

  // Every form refused by the server (the browser's own checks switched off, as an old browser or
  // a screen reader's forms mode would send it): the page comes back with the error count in its
  // title, the focus on the error summary, and each link of the summary leading to a field.
  describe('refused forms', () => {
    interface RefusedForm {
      name: string
      who: Who
      path: () => string
      form: string | (() => string)
      values: Record<string, string>
    }
    const PAST = '2020-01-06T10:00'
    const FORMS: RefusedForm[] = [
      { name: 'login', who: 'visitor', path: () => '/login', form: 'form[action="/login"]', values: { email: 'niemand@example.org', password: 'falsches Passwort' } },
      { name: 'setup', who: 'visitor', path: () => ids.setupPath!, form: 'form[action^="/setup/"]', values: { password: 'Ein langes Passwort', password2: 'Ein anderes Passwort' } },
      { name: 'account name', who: 'Fatima Haidari', path: () => '/me', form: 'form[action="/me/name"]', values: { name: '' } },
      { name: 'account password', who: 'Fatima Haidari', path: () => '/me', form: 'form[action="/me/password"]', values: { currentPassword: 'nicht meins', password: 'Ein ganz neues Passwort', password2: 'Ein ganz neues Passwort' } },
      { name: 'new position', who: 'Fatima Haidari', path: () => `/groups/${ids.groupSlug}`, form: 'form[action$="/positions"]', values: { title: '' } },
      { name: 'import', who: 'Fatima Haidari', path: () => `/groups/${ids.groupSlug}/import`, form: 'form[action$="/import"]', values: {} },
      { name: 'rename', who: 'Fatima Haidari', path: () => `/positions/${ids.draft}`, form: 'form[action$="/title"]', values: { title: '' } },
      { name: 'open round', who: 'Fatima Haidari', path: () => `/positions/${ids.draft}/rounds/new`, form: 'form[action$="/rounds"]', values: { closesAt: PAST } },
      { name: 'ballot', who: 'Samir Haddad', path: () => `/rounds/${ids.openRound}`, form: 'form.ballot-form', values: { choice: 'objection', reason: '' } },
      { name: 'extend round', who: 'Ayşe Demir', path: () => `/rounds/${ids.openRound}`, form: '#extend-form', values: { closesAt: PAST, reason: 'Mehr Zeit' } },
      { name: 'cancel round', who: 'Ayşe Demir', path: () => `/rounds/${ids.openRound}`, form: '#cancel-form', values: { reason: '' } },
      { name: 'publish', who: 'Thomas Krüger', path: () => `/positions/${ids.adopted}/publish`, form: 'form[action$="/publish"]', values: { summary: 'x'.repeat(600) } },
      { name: 'withdraw', who: 'Thomas Krüger', path: () => `/positions/${ids.published}/publish`, form: 'form[action$="/withdraw"]', values: { reason: '' } },
      { name: 'add translation', who: 'Thomas Krüger', path: () => `/positions/${ids.published}/translations`, form: 'form[action$="/translations"]', values: { title: '', text: '' } },
      { name: 'edit translation', who: 'Thomas Krüger', path: () => ids.translationEditPath!, form: 'form[action^="/translations/"]', values: { title: '' } },
      { name: 'withdraw translation', who: 'Thomas Krüger', path: () => `/positions/${ids.published}/translations`, form: 'form[action$="/withdraw"]', values: { reason: '' } },
      { name: 'new person', who: 'Sabine Hoffmann', path: () => '/admin/people', form: 'form[action="/admin/people"]', values: { name: 'Nina', email: 'keine Adresse' } },
      { name: 'edit person', who: 'Sabine Hoffmann', path: () => `/admin/people/${ids.person}`, form: () => `form[action="/admin/people/${ids.person}"]`, values: { name: '' } },
      { name: 'new group', who: 'Sabine Hoffmann', path: () => '/admin/groups', form: 'form[action="/admin/groups"]', values: { name: '' } },
      { name: 'edit group', who: 'Sabine Hoffmann', path: () => `/admin/groups/${ids.group}`, form: () => `form[action="/admin/groups/${ids.group}"]`, values: { name: '' } },
      { name: 'add group member', who: 'Sabine Hoffmann', path: () => `/admin/groups/${ids.group}`, form: 'form[action$="/members"]', values: { personId: '' } },
      { name: 'new initiative', who: 'Sabine Hoffmann', path: () => '/admin/initiatives', form: 'form[action="/admin/initiatives"]', values: { name: '' } },
      { name: 'edit initiative', who: 'Sabine Hoffmann', path: () => `/admin/initiatives/${ids.initiative}`, form: () => `form[action="/admin/initiatives/${ids.initiative}"]`, values: { name: '' } },
      { name: 'alliance profile', who: 'Sabine Hoffmann', path: () => '/admin/alliance', form: 'form[action="/admin/alliance"]', values: { contactEmail: 'keine Adresse' } },
      { name: 'alliance logo', who: 'Sabine Hoffmann', path: () => '/admin/alliance', form: 'form[action="/admin/alliance/logo"]', values: {} },
    ]
    for (const spec of FORMS) {
      it(`${spec.name} (${spec.who})`, async () => {
        const page = await pageFor(spec.who, 'de')
        await page.goto(server.url + spec.path())
        const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document')
        const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() })
        await page.evaluate(
          ({ selector, values }) => {
            const form = document.querySelector<HTMLFormElement>(selector)
            if (!form) throw new Error(`no form ${selector}`)
            form.noValidate = true
            for (const [name, value] of Object.entries(values)) {
              const fields = Array.from(form.elements).filter((el) => (el as HTMLInputElement).name === name) as HTMLInputElement[]
              if (!fields.length) throw new Error(`no field ${name} in ${selector}`)
              for (const field of fields) {
                if (field.type === 'radio' || field.type === 'checkbox') field.checked = field.value === value
                else field.value = value
              }
            }
            form.requestSubmit()
          },
          { selector: typeof spec.form === 'string' ? spec.form : spec.form(), values: spec.values },
        )
        const response = await answered
        await navigated
        await page.waitForLoadState('load')
        expect(response.status(), `${spec.name}: status`).toBeGreaterThanOrEqual(400)
        expect(response.status(), `${spec.name}: status`).toBeLessThan(500)
        await expect(page.title()).resolves.toMatch(/^(Fehler|Error) \(\d+\): /)
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary')
        const broken = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLAnchorElement>('#error-summary a')).map((a) => a.getAttribute('href')!).filter((href) => !document.getElementById(href.slice(1))),
        )
        expect(broken, `${spec.name}: summary links without a field`).toEqual([])
      })
    }
  })

  for (const locale of ['de', 'en'] as const) {
    describe(locale === 'de' ? 'German interface' : 'English interface', () => {
      for (const spec of PAGES) {
        it(`${spec.name} (${spec.who})`, async () => {
          const page = await pageFor(spec.who, locale)
          const res = await page.goto(server.url + spec.path())
          expect(res!.status(), spec.path()).toBe(spec.name === 'not-found' ? 404 : 200)
          if (spec.act) await spec.act(page)
          await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale)
          if (await page.locator('#editor').count()) await page.locator('#editor .ProseMirror').waitFor()
          // The comment panel loads after the page: check it with the comments in it.
          if (await page.locator('[data-comments-list]').count()) {
            await page.waitForFunction(() => !/^(Kommentare werden geladen|Loading comments)/.test(document.querySelector('[data-comments-list]')?.textContent?.trim() ?? ''))
          }
          await checkPage(page, `every-${locale}-${spec.name}`)
          const wrong = await contentInWrongLanguage(page, locale === 'en' ? [GERMAN, ...TRANSLATED] : TRANSLATED)
          expect(wrong.join('\n'), `${spec.name}: content read in the wrong language`).toBe('')
          await expect(timesWithoutZone(page), `${spec.name}: times without their zone`).resolves.toEqual([])
        })
      }
    })
  }
})

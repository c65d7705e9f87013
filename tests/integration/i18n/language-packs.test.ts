import { fileURLToPath } from 'node:url'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { all } from '../../../db/query.ts'
import { queueNotification } from '../../../server/notifications/queue-notification.ts'
import { addToGroup, buildGroup, buildPerson, buildPosition, sessionCookie } from '../../support/factories.ts'
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts'
import { testApp, type TestApp, TEST_ORIGIN } from '../../support/test-app.ts'

// A small French pack (a few keys, correct French) and a right-to-left pack without words: the
// app offers both everywhere with nothing else changed, German standing in for missing keys.
const PACKS = fileURLToPath(new URL('./packs', import.meta.url))

let t: TestApp
let smtp: SmtpSink
beforeAll(async () => {
  smtp = await startSmtpSink()
  t = await testApp({ config: { languagesDir: PACKS, smtpUrl: smtp.url } })
})
afterAll(async () => {
  t.close()
  await smtp.close()
})

const page = async (res: Response) => ({ status: res.status, html: await res.text() })

describe('an interface language added as one file', () => {
  it('is in the header switch, named in itself, and a right-to-left one says so', async () => {
    const { html } = await page(await t.client.get('/login'))
    expect(html).toContain('<html lang="de">')
    expect(html).toMatch(/<input type="hidden" name="locale" value="fr"\/>.*<button type="submit" class="link-button" lang="fr" aria-label="Passer au français">Français<\/button>/)
    expect(html).toMatch(/<input type="hidden" name="locale" value="he"\/>.*<button type="submit" class="link-button" lang="he" dir="rtl">עברית<\/button>/)
    expect(html).toContain('lang="en" aria-label="Switch to English">English</button>')
  })

  it('is picked by Accept-Language (also from a region tag), with German for the words it lacks', async () => {
    const { status, html } = await page(await t.client.get('/login', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' }))
    expect(status).toBe(200)
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('<title>Connexion · Sprachrohr</title>')
    expect(html).toContain('>Positions publiées</a>')
    expect(html).toContain('E-Mail') // not in the pack: German
    const rtl = await page(await t.client.get('/login', { 'accept-language': 'he' }))
    expect(rtl.html).toContain('<html lang="he" dir="rtl">')
  })

  it('is chosen with the switch by a visitor, and kept in the language cookie', async () => {
    const res = await t.client.form('/locale', { locale: 'fr', back: '/login' })
    expect(res.status).toBe(303)
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!
    expect(cookie).toBe('sprachrohr_lang=fr')
    const { html } = await page(await t.client.get('/login', { cookie }))
    expect(html).toContain('<html lang="fr">')
    // A language that is not installed is refused, not stored.
    expect((await t.client.form('/locale', { locale: 'xx', back: '/login' })).status).toBe(400)
  })

  it('is offered on the account page and through the API; a person who chose it gets their pages in it', async () => {
    const p = buildPerson(t.db)
    const cookie = sessionCookie(t.db, p.id, t.clock.now())
    const me = await page(await t.client.as(cookie).get('/me'))
    expect(me.html).toContain('<option value="fr" lang="fr">Français</option>')
    expect(me.html).toContain('<option value="he" lang="he">עברית</option>')
    expect((await t.client.as(cookie).form('/me/locale', { locale: 'fr' })).status).toBe(303)
    const saved = await page(await t.client.as(cookie).get('/me?saved=locale'))
    expect(saved.html).toContain('<html lang="fr">')
    expect(saved.html).toContain('<h1>Mon compte</h1>')
    expect(saved.html).toContain('La langue a été modifiée.')
    expect(saved.html).toContain('<option value="fr" lang="fr" selected="">Français</option>')

    expect((await t.client.as(cookie).patch('/api/me', { locale: 'he' })).status).toBe(200)
    expect((await (await t.client.as(cookie).get('/api/me')).json()).locale).toBe('he')
    const refused = await t.client.as(cookie).patch('/api/me', { locale: 'xx' })
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ error: { code: 'validation', field: 'locale' } })
    expect((await t.client.as(cookie).form('/me/locale', { locale: 'xx' })).status).toBe(400)
  })

  it("gives browser scripts the pack's words in the page", async () => {
    const group = buildGroup(t.db)
    const p = buildPerson(t.db, { locale: 'fr' })
    addToGroup(t.db, group.id, p.id)
    const position = buildPosition(t.db, { groupId: group.id })
    const { status, html } = await page(await t.client.as(sessionCookie(t.db, p.id, t.clock.now())).get(`/positions/${position.id}`))
    expect(status).toBe(200)
    expect(html).toContain('<script type="module" src="/assets/editor.js">')
    const words = /<script type="application\/json" id="interface-words">(.*?)<\/script>/.exec(html)
    expect(JSON.parse(words![1]!)).toEqual({ 'editor.toolbar': 'Mise en forme' })
  })

  it('writes mails in it, the same words in both parts and the language on the HTML', async () => {
    const p = buildPerson(t.db, { name: 'Camille', locale: 'fr' })
    queueNotification(t.deps, 'invitation', { personId: p.id, url: `${TEST_ORIGIN}/setup/a.b`, expiresAt: t.clock.now() + 86_400_000 })
    expect(all(t.db, t.db.q.selectFrom('mail_outbox').select('locale').where('person_id', '=', p.id))).toEqual([{ locale: 'fr' }])
    const before = smtp.mails.length
    expect(await t.deps.notifications.runOnce(t.deps)).toMatchObject({ sent: 1 })
    const [mail] = (await smtp.waitForMails(before + 1)).slice(before)
    expect(mail!.subject).toBe('Invitation à Sprachrohr')
    expect(mail!.text).toMatch(/^Bonjour Camille,/)
    expect(mail!.text).toContain(`Choisir votre mot de passe: ${TEST_ORIGIN}/setup/a.b`)
    expect(mail!.html).toContain('<html lang="fr" dir="ltr">')
  })
})

describe('a language whose pack was removed since a person chose it', () => {
  it('falls back to the browser language or German for pages and to German for mails, never an error', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sprachrohr-removed-pack-')), 'db.sqlite')
    const withPack = await testApp({ file, config: { languagesDir: PACKS } })
    const p = buildPerson(withPack.db, { name: 'Camille', locale: 'fr' })
    withPack.close()
    const without = await testApp({ file, config: { languagesDir: mkdtempSync(join(tmpdir(), 'sprachrohr-no-packs-')) } })
    try {
      const cookie = sessionCookie(without.db, p.id, without.clock.now())
      const german = await page(await without.client.as(cookie).get('/me'))
      expect(german.status).toBe(200)
      expect(german.html).toContain('<html lang="de">')
      const english = await page(await without.client.as(cookie).get('/me', { 'accept-language': 'en' }))
      expect(english.html).toContain('<html lang="en">')
      // A visitor's old language cookie too.
      expect((await page(await without.client.get('/login', { cookie: 'sprachrohr_lang=fr' }))).html).toContain('<html lang="de">')
      queueNotification(without.deps, 'invitation', { personId: p.id, url: `${TEST_ORIGIN}/setup/a.b`, expiresAt: without.clock.now() + 86_400_000 })
      const [mail] = all(without.db, without.db.q.selectFrom('mail_outbox').select(['locale', 'subject']).where('person_id', '=', p.id))
      expect(mail).toEqual({ locale: 'de', subject: 'Einladung zu Sprachrohr' })
    } finally {
      without.close()
    }
  })
})

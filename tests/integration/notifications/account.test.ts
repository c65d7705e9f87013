import { describe, expect, it } from 'vitest'
import { all } from '../../../db/query.ts'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { buildRoundWorld, openRoundVia } from '../../support/round-world.ts'
import { testApp, TEST_ORIGIN } from '../../support/test-app.ts'

describe('unsubscribing with one click', () => {
  it('turns off that kind for that person without a session, and refuses a tampered or borrowed token', async () => {
    const t = await testApp()
    const world = buildRoundWorld(t, { weights: [1, 1] })
    await openRoundVia(t, world)
    const [mine, theirs] = world.delegates.map((d) => all(t.db, t.db.q.selectFrom('mail_outbox').select('unsubscribe_url').where('person_id', '=', d.personId))[0]!.unsubscribe_url!)
    const path = new URL(mine!).pathname
    // A mail client posts from nowhere: no cookie, no Origin.
    const noOrigin = { origin: '' }
    // Tampered: the person swapped for the other delegate, the kind changed, the signature altered.
    const [, , token] = path.split('/')
    const [personId, kind, sig] = token!.split('.')
    const otherId = world.delegates[1]!.personId
    for (const forged of [`${otherId}.${kind}.${sig}`, `${personId}.nudge.${sig}`, `${personId}.${kind}.${sig![0] === 'A' ? 'B' : 'A'}${sig!.slice(1)}`, `${personId}.${kind}`]) {
      const res = await t.client.post(`/unsubscribe/${forged}`, 'List-Unsubscribe=One-Click', { ...noOrigin, 'content-type': 'application/x-www-form-urlencoded' })
      expect(res.status, forged).toBe(404)
    }
    // A GET only asks.
    const ask = await t.client.get(path)
    expect(ask.status).toBe(200)
    expect(await ask.text()).toContain('Abbestellen')
    const res = await t.client.post(path, 'List-Unsubscribe=One-Click', { ...noOrigin, 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(200)
    const settings = await world.delegates[0]!.client.get('/api/me/notification-settings')
    expect(await settings.json()).toMatchObject({ round_opened: 'off', closing_soon: 'immediate' })
    // The other delegate is untouched, and their link is theirs.
    expect(await (await world.delegates[1]!.client.get('/api/me/notification-settings')).json()).toMatchObject({ round_opened: 'immediate' })
    expect(new URL(theirs!).pathname).not.toBe(path)
    t.close()
  })
})

describe('settings per kind', () => {
  it('lists every kind with its default, stores choices, and mails accordingly', async () => {
    const t = await testApp()
    const person = buildPerson(t.db)
    const me = t.client.as(sessionCookie(t.db, person.id, t.clock.now()))
    const initial = (await (await me.get('/api/me/notification-settings')).json()) as Record<string, string>
    expect(initial).toEqual({
      invitation: 'immediate',
      password_reset: 'immediate',
      round_opened: 'immediate',
      closing_soon: 'immediate',
      nudge: 'immediate',
      deadline_extended: 'digest',
      round_cancelled: 'digest',
      round_closed: 'digest',
      adopted: 'digest',
      published: 'digest',
      withdrawn: 'digest',
      mentioned: 'immediate',
      amendment_conflict: 'immediate',
      amendment_proposed: 'immediate',
      amendment_reply: 'immediate',
    })
    const put = await me.put('/api/me/notification-settings', { round_closed: 'immediate', published: 'off' })
    expect(put.status).toBe(200)
    expect(await put.json()).toMatchObject({ round_closed: 'immediate', published: 'off', round_opened: 'immediate' })
    expect((await me.put('/api/me/notification-settings', { round_closed: 'sometimes' })).status).toBe(400)
    expect((await me.put('/api/me/notification-settings', { no_such_kind: 'off' })).status).toBe(400)
    expect((await me.put('/api/me/notification-settings', { invitation: 'off' })).status).toBe(400)
    expect((await t.client.get('/api/me/notification-settings')).status).toBe(401)
    // The account page has the form; posting it works without JavaScript.
    const page = await (await me.get('/me')).text()
    expect(page).toContain('id="notifications"')
    const form = await me.form('/me/notification-settings', { round_opened: 'digest' })
    expect(form.status).toBe(303)
    expect(await (await me.get('/api/me/notification-settings')).json()).toMatchObject({ round_opened: 'digest', round_closed: 'immediate' })
    t.close()
  })
})

describe('the in-app list', () => {
  it('lists what a person was told with the unread count in the header, and opening the list reads them', async () => {
    const t = await testApp()
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const roundId = await openRoundVia(t, world)
    const delegate = world.delegates[0]!.client
    const list = (await (await delegate.get('/api/me/notifications')).json()) as { notifications: Array<Record<string, unknown>> }
    expect(list.notifications).toEqual([
      { id: expect.any(String), kind: 'round_opened', title: expect.stringMatching(/^Konsensrunde zu „/), about: expect.any(String), url: `/rounds/${roundId}`, createdAt: new Date(t.clock.now()).toISOString(), read: false },
    ])
    expect(await (await delegate.get('/')).text()).toContain('1 ungelesen')
    const page = await (await delegate.get('/notifications')).text()
    expect(page).toContain(`href="/rounds/${roundId}"`)
    expect(page).not.toContain('1 ungelesen')
    expect(((await (await delegate.get('/api/me/notifications')).json()) as { notifications: Array<{ read: boolean }> }).notifications[0]!.read).toBe(true)
    // English readers get English titles.
    const en = (await (await delegate.get('/api/me/notifications', { 'accept-language': 'en' })).json()) as { notifications: Array<{ title: string }> }
    expect(en.notifications[0]!.title).toMatch(/^Consent round on “/)
    t.close()
  })
})

describe('the admin mail page', () => {
  it('says plainly when mail is not set up and shows what waits and what failed', async () => {
    const t = await testApp()
    const admin = buildPerson(t.db, { admin: true })
    const client = t.client.as(sessionCookie(t.db, admin.id, t.clock.now()))
    const invited = buildPerson(t.db, { email: 'neu@example.org' })
    await client.post(`/api/people/${invited.id}/invite`)
    const page = await (await client.get('/admin/mail')).text()
    expect(page).toContain('Mail ist nicht eingerichtet: SMTP_URL fehlt')
    expect(page).toContain('Wartend (1)')
    expect(page).toContain('neu@example.org')
    expect(page).toContain('Fehlgeschlagen (0)')
    const member = buildPerson(t.db)
    expect((await t.client.as(sessionCookie(t.db, member.id, t.clock.now())).get('/admin/mail')).status).toBe(403)
    const configured = await testApp({ config: { smtpUrl: 'smtp://mail.example.org:587', mailFrom: 'AG <ag@example.org>' } })
    const admin2 = buildPerson(configured.db, { admin: true })
    const page2 = await (await configured.client.as(sessionCookie(configured.db, admin2.id, configured.clock.now())).get('/admin/mail')).text()
    expect(page2).toContain('Mail ist eingerichtet (Server mail.example.org:587')
    configured.close()
    t.close()
  })
})

describe('the personal calendar feed', () => {
  it('serves the deadlines of the rounds a person can answer in at a secret URL that can be renewed', async () => {
    const t = await testApp()
    const world = buildRoundWorld(t, { weights: [1, 1] })
    const roundId = await openRoundVia(t, world)
    const delegate = world.delegates[0]!.client
    expect(await (await delegate.get('/me')).text()).toContain('Kalenderadresse erstellen')
    expect((await delegate.form('/me/calendar', {})).status).toBe(303)
    const page = await (await delegate.get('/me')).text()
    const url = page.match(/id="calendar-url"[^>]*value="([^"]+)"/)?.[1]
    expect(url).toMatch(new RegExp(`^${TEST_ORIGIN}/calendar/.+\\.ics$`))
    const feed = await t.client.get(new URL(url!).pathname)
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toContain('text/calendar')
    const ics = await feed.text()
    expect(ics).toContain(`UID:round-${roundId}@sprachrohr.test`)
    // The coordinator is not in the electorate: nothing in their feed.
    await world.coordinator.form('/me/calendar', {})
    // Renewed: the old URL stops working.
    await delegate.form('/me/calendar', {})
    expect((await t.client.get(new URL(url!).pathname)).status).toBe(404)
    expect((await t.client.get(new URL(url!).pathname.replace(/.\.ics$/, 'x.ics'))).status).toBe(404)
    t.close()
  })
})

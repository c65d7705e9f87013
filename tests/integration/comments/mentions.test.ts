import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ParsedMail } from 'mailparser'
import { all } from '../../../db/query.ts'
import { buildPerson, sessionCookie } from '../../support/factories.ts'
import { buildRoundWorld, openRoundVia, type RoundWorld } from '../../support/round-world.ts'
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts'
import { testApp, TEST_ORIGIN, type TestApp, type TestClient } from '../../support/test-app.ts'

let smtp: SmtpSink
beforeAll(async () => {
  smtp = await startSmtpSink()
})
afterAll(async () => {
  await smtp.close()
})

// "bezahlbaren Wohnraum" in the round world's draft.
const PASSAGE = { from: 13, to: 33 }

interface World extends RoundWorld {
  t: TestApp
  title: string
  person(name: string, opts?: { disabled?: boolean; locale?: 'de' | 'en' }): { id: string; email: string; client: TestClient }
}

async function world(): Promise<World> {
  const t = await testApp({ config: { smtpUrl: smtp.url } })
  const w = buildRoundWorld(t, { weights: [1] })
  const title = all(t.db, t.db.q.selectFrom('positions').select('title').where('id', '=', w.positionId))[0]!.title
  return {
    ...w,
    t,
    title,
    person: (name, opts = {}) => {
      const p = buildPerson(t.db, { name, ...opts })
      return { id: p.id, email: p.email, client: t.client.as(sessionCookie(t.db, p.id, t.clock.now())) }
    },
  }
}

/** Delivers the outbox and returns the mails this delivery sent. */
async function deliver(t: TestApp): Promise<ParsedMail[]> {
  const before = smtp.mails.length
  const { sent } = await t.deps.notifications.runOnce(t.deps)
  return (await smtp.waitForMails(before + sent)).slice(before)
}

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address
const inApp = (t: TestApp, personId: string) =>
  all(t.db, t.db.q.selectFrom('notifications').select(['kind', 'url', 'digest_pending']).where('person_id', '=', personId).where('kind', '=', 'mentioned'))

async function comment(client: TestClient, positionId: string, body: string, anchor: object = PASSAGE): Promise<string> {
  const res = await client.post(`/api/positions/${positionId}/comments`, { body, anchor })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { id: string }).id
}

describe('mentioning a person in a comment', () => {
  it('mails the mentioned person once, with a link to the comment, and lists it in the app; the disabled one and the author are not told', async () => {
    const w = await world()
    const anna = w.person('Anna Berg')
    const dora = w.person('Dora Fort', { disabled: true })
    const id = await comment(w.coordinator, w.positionId, 'Was meinst du, @Anna Berg? Und @Dora Fort, und ich selbst, @Koordination?')

    const mails = await deliver(w.t)
    expect(mails.map(to)).toEqual([anna.email])
    expect(mails[0]!.subject).toBe(`Koordination hat dich erwähnt: „${w.title}“`)
    const link = `${TEST_ORIGIN}/positions/${w.positionId}#comment-${id}`
    expect(mails[0]!.text).toContain('an der Stelle „bezahlbaren Wohnraum“')
    expect(mails[0]!.text).toContain('Was meinst du, @Anna Berg?')
    expect(mails[0]!.text).toContain(link)
    expect(mails[0]!.html).toContain(`href="${link}"`)

    const list = await anna.client.get('/api/me/notifications')
    expect((await list.json()) as unknown).toMatchObject({
      notifications: [{ kind: 'mentioned', title: `Koordination hat dich erwähnt: „${w.title}“`, url: `/positions/${w.positionId}#comment-${id}`, read: false }],
    })
    expect(inApp(w.t, dora.id)).toEqual([])
    expect(inApp(w.t, w.coordinatorId)).toEqual([])
    // Recorded as told (only the one who was).
    const mentions = all(w.t.db, w.t.db.q.selectFrom('comment_mentions').select(['person_id', 'notified_at']).where('comment_id', '=', id))
    expect(mentions).toEqual(expect.arrayContaining([{ person_id: anna.id, notified_at: w.t.clock.now() }, { person_id: w.coordinatorId, notified_at: null }]))
    // Nothing more goes out later.
    expect(await deliver(w.t)).toEqual([])
    w.t.close()
  })

  it('tells only the newly mentioned person when an edit adds a name', async () => {
    const w = await world()
    const anna = w.person('Anna Berg')
    const carl = w.person('Carl Weiß', { locale: 'en' })
    const id = await comment(w.coordinator, w.positionId, '@Anna Berg, bitte prüfen.')
    expect((await deliver(w.t)).map(to)).toEqual([anna.email])

    expect((await w.coordinator.patch(`/api/comments/${id}`, { body: '@Anna Berg und @Carl Weiß, bitte prüfen.' })).status).toBe(200)
    const mails = await deliver(w.t)
    expect(mails.map(to)).toEqual([carl.email])
    expect(mails[0]!.subject).toBe(`Koordination mentioned you: “${w.title}”`)
    // An edit that changes nothing about the names tells nobody.
    expect((await w.coordinator.patch(`/api/comments/${id}`, { body: '@Anna Berg und @Carl Weiß, bitte bis Freitag prüfen.' })).status).toBe(200)
    expect(await deliver(w.t)).toEqual([])
    expect(inApp(w.t, anna.id)).toHaveLength(1)
    expect(inApp(w.t, carl.id)).toHaveLength(1)
    w.t.close()
  })

  it('follows each person’s setting: collected for the digest, or only in the app', async () => {
    const w = await world()
    const dana = w.person('Dana Sammel')
    const emil = w.person('Emil Still')
    expect((await dana.client.put('/api/me/notification-settings', { mentioned: 'digest' })).status).toBe(200)
    expect((await emil.client.put('/api/me/notification-settings', { mentioned: 'off' })).status).toBe(200)
    await comment(w.coordinator, w.positionId, '@Dana Sammel und @Emil Still: Einwände?')
    expect(await deliver(w.t)).toEqual([])
    expect(inApp(w.t, dana.id)).toEqual([expect.objectContaining({ digest_pending: 1 })])
    expect(inApp(w.t, emil.id)).toEqual([expect.objectContaining({ digest_pending: 0 })])
    w.t.close()
  })

  it('links a mention in a reply on the frozen version to the round page', async () => {
    const w = await world()
    const anna = w.person('Anna Berg')
    const roundId = await openRoundVia(w.t, w)
    const thread = await comment(w.delegates[0]!.client, w.positionId, 'Zu ungenau.', { versionNumber: 1, ...PASSAGE })
    const res = await w.coordinator.post(`/api/comments/${thread}/replies`, { body: '@Anna Berg, kannst du das klären?' })
    expect(res.status).toBe(201)
    const reply = ((await res.json()) as { id: string }).id
    const mails = (await deliver(w.t)).filter((m) => to(m) === anna.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain(`${TEST_ORIGIN}/rounds/${roundId}#comment-${reply}`)
    w.t.close()
  })
})

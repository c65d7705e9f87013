import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ParsedMail } from 'mailparser'
import { startRoundDeadlines } from '../../../server/jobs/round-deadlines.ts'
import { storeSetting } from '../../../server/notifications/notification.repo.ts'
import { ALLE, BEZAHLBAR, buildAmendmentWorld, openAmendmentRoundVia, proposeAmendment, voteOnAmendments } from '../../support/amendment-round-world.ts'
import { DAY, HOUR } from '../../support/round-world.ts'
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts'
import { testApp, TEST_ORIGIN, type TestApp } from '../../support/test-app.ts'

let smtp: SmtpSink
let t: TestApp
beforeAll(async () => {
  smtp = await startSmtpSink()
})
afterAll(async () => {
  await smtp.close()
})
beforeEach(async () => {
  t = await testApp({ config: { smtpUrl: smtp.url } })
})
afterEach(() => t.close())

const iso = (ms: number) => new Date(ms).toISOString()
const outboxKinds = (kind: string) => (t.db.sqlite.prepare('select person_id from mail_outbox where kind = ? order by person_id').all(kind) as Array<{ person_id: string }>).map((r) => r.person_id)

/** Sends the outbox over real SMTP and returns the mails this pass delivered. */
async function deliver(): Promise<ParsedMail[]> {
  const before = smtp.mails.length
  const { sent } = await t.deps.notifications.runOnce(t.deps)
  return (await smtp.waitForMails(before + sent)).slice(before)
}

describe('notifications of an amendment round', () => {
  it('tells the voters it opened (ballot link, deadline, calendar file), that it was extended, reminds the missing ones, and sends each amendment’s result', async () => {
    const w = await buildAmendmentWorld(t, [3, 1, 1])
    // The later kinds are collected in a digest by default; this delegate wants them at once.
    const eager = w.delegates[2]!.personId
    for (const kind of ['deadline_extended', 'round_closed', 'round_cancelled']) storeSetting(t.db, eager, kind, 'immediate')
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const a2 = await proposeAmendment(w, BEZAHLBAR, 'teuren')
    // The coordination hears of each new amendment; those mails go out before the round opens.
    expect((await deliver()).map((m) => m.subject)).toEqual([expect.stringMatching(/Ä1/), expect.stringMatching(/Ä2/)])
    const start = t.clock.now()
    const id = await openAmendmentRoundVia(t, w, [a1, a2], { closesAt: iso(start + 3 * DAY) })

    const opened = await deliver()
    expect(opened).toHaveLength(3)
    const mail = opened[0]!
    expect(mail.subject).toMatch(/^Abstimmung über Änderungsanträge zu „.*“ bis /)
    expect(mail.text).toContain(`${TEST_ORIGIN}/rounds/${id}`)
    expect(mail.text).toMatch(/bis \d\d\.\d\d\.2026, \d\d:\d\d MEZ/)
    const ics = mail.attachments.find((a) => a.contentType === 'text/calendar')!.content.toString('utf8')
    expect(ics).toContain(`UID:round-${id}@sprachrohr.test`)
    expect(ics).toContain(`DTEND:${iso(start + 3 * DAY).replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`)

    expect((await w.coordinator.post(`/api/rounds/${id}/extend`, { closesAt: iso(start + 4 * DAY), reason: 'Die AG tagt erst Mittwoch.' })).status).toBe(200)
    const extended = await deliver()
    expect(extended.map((m) => m.subject)).toEqual([expect.stringMatching(/^Verlängert: /)])
    expect(extended[0]!.text).toContain('Die AG tagt erst Mittwoch.')
    expect(extended[0]!.attachments.some((a) => a.contentType === 'text/calendar')).toBe(true)

    // Weight 3 + 1 answer; the third initiative is missing and alone is reminded a day before the end.
    for (const d of [0, 1]) expect((await voteOnAmendments(w, d, id, { [a1]: 'yes', [a2]: 'no' })).status).toBe(200)
    t.clock.advance(3 * DAY + HOUR)
    await t.deps.notifications.runOnce(t.deps)
    expect(outboxKinds('closing_soon')).toEqual([eager])
    // The coordinator's nudge reaches only the missing one too, at most every 6 hours.
    const nudged = await w.coordinator.post(`/api/rounds/${id}/nudge`)
    expect(nudged.status).toBe(200)
    expect(await nudged.json()).toEqual({ reminded: 1 })
    expect((await w.coordinator.post(`/api/rounds/${id}/nudge`)).status).toBe(429)

    t.clock.advance(DAY)
    startRoundDeadlines(t.deps).stop()
    const results = (await deliver()).filter((m) => m.subject?.startsWith('Ergebnis'))
    expect(results).toHaveLength(1)
    expect(results[0]!.text).toContain('Ä1: angenommen; Ä2: nicht angenommen')
    // Everybody sees it in the app.
    const inApp = t.db.sqlite.prepare("select count(*) as n from notifications where kind = 'round_closed'").get() as { n: number }
    expect(inApp.n).toBeGreaterThanOrEqual(3)
  })

  it('tells the voters of a cancellation with its reason', async () => {
    const w = await buildAmendmentWorld(t, [1, 1])
    storeSetting(t.db, w.delegates[0]!.personId, 'round_cancelled', 'immediate')
    const a1 = await proposeAmendment(w, ALLE, 'alle Menschen.')
    const id = await openAmendmentRoundVia(t, w, [a1])
    await deliver()
    expect((await w.coordinator.post(`/api/rounds/${id}/cancel`, { reason: 'Der Antrag wird überarbeitet.' })).status).toBe(200)
    const mails = await deliver()
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Abgebrochen: /)])
    expect(mails[0]!.text).toContain('Der Antrag wird überarbeitet.')
    expect(mails[0]!.text).toContain('Abstimmung über Änderungsanträge')
  })
})

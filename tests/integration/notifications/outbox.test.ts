import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { all, transaction } from '../../../db/query.ts'
import { createNotificationJobs } from '../../../server/notifications/notification-jobs.ts'
import { queueNotification } from '../../../server/notifications/queue-notification.ts'
import { buildPerson } from '../../support/factories.ts'
import { buildRoundWorld, DAY, openRoundVia } from '../../support/round-world.ts'
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts'
import { testApp, TEST_ORIGIN } from '../../support/test-app.ts'
import { run } from '../../../db/query.ts'

let smtp: SmtpSink
beforeAll(async () => {
  smtp = await startSmtpSink()
})
afterAll(async () => {
  await smtp.close()
})

const outbox = (db: Parameters<typeof all>[0]) => all(db, db.q.selectFrom('mail_outbox').selectAll().orderBy('created_at'))

describe('the outbox and its sender', () => {
  it('mails every delegate when a round opens, in their language, with both parts, working links and the deadline as a calendar file', async () => {
    const t = await testApp({ config: { smtpUrl: smtp.url, mailFrom: 'Bündnis <positionen@example.org>' } })
    const world = buildRoundWorld(t, { weights: [1, 1] })
    run(t.db, t.db.q.updateTable('people').set({ locale: 'en' }).where('id', '=', world.delegates[1]!.personId))
    const roundId = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + 3 * DAY).toISOString() })

    // Written with the opening, before anything was sent.
    const rows = outbox(t.db)
    expect(rows.map((r) => r.kind)).toEqual(['round_opened', 'round_opened'])
    expect(rows.every((r) => r.sent_at === null)).toBe(true)

    const before = smtp.mails.length
    expect(await t.deps.notifications.runOnce(t.deps)).toMatchObject({ sent: 2 })
    const mails = (await smtp.waitForMails(before + 2)).slice(before)
    const byLang = (lang: 'de' | 'en') => mails.find((m) => (m.text ?? '').startsWith(lang === 'de' ? 'Hallo' : 'Hello'))!
    const de = byLang('de')
    const en = byLang('en')
    expect(de.subject).toMatch(/^Konsensrunde zu „.*“ bis /)
    expect(en.subject).toMatch(/^Consent round on “.*” until /)
    expect(de.from?.value[0]).toMatchObject({ name: 'Bündnis', address: 'positionen@example.org' })
    // The Message-ID names the outbox row: the same on every attempt.
    const deRow = rows.find((r) => r.locale === 'de')!
    expect(de.messageId).toBe(`<${deRow.id}@sprachrohr.test>`)
    // Both parts, same link, built from PUBLIC_URL.
    const link = `${TEST_ORIGIN}/rounds/${roundId}`
    expect(de.text).toContain(link)
    expect(de.html).toContain(`href="${link}"`)
    expect(de.html).toContain('lang="de"')
    expect(en.html).toContain('lang="en"')
    // Deadline in the alliance's zone, named.
    expect(de.text).toMatch(/bis \d\d\.\d\d\.2026, \d\d:\d\d MEZ/)
    // One-click unsubscribe (RFC 8058).
    // Unfolded, as RFC 5322 readers see it.
    const header = (name: string) => de.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ')
    expect(header('list-unsubscribe')).toMatch(new RegExp(`^List-Unsubscribe: <${TEST_ORIGIN}/unsubscribe/[^>]+>$`))
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    // The calendar file: one event ending at the deadline.
    const ics = de.attachments.find((a) => a.contentType === 'text/calendar')!
    const text = ics.content.toString('utf8')
    expect(text).toContain('BEGIN:VEVENT')
    const closesAt = all(t.db, t.db.q.selectFrom('rounds').select('closes_at').where('id', '=', roundId))[0]!.closes_at
    expect(text).toContain(`DTEND:${new Date(closesAt).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`)
    expect(text).toContain(`UID:round-${roundId}@sprachrohr.test`)
    // The link leads to the ballot page for the delegate.
    const page = await world.delegates[0]!.client.get(new URL(link).pathname)
    expect(page.status).toBe(200)
    // Marked delivered: a second pass sends nothing again.
    expect(outbox(t.db).every((r) => r.sent_at !== null)).toBe(true)
    expect(await t.deps.notifications.runOnce(t.deps)).toMatchObject({ sent: 0 })
    t.close()
  })

  it('writes mails only when the event commits', async () => {
    const t = await testApp({ config: { smtpUrl: smtp.url } })
    const person = buildPerson(t.db)
    expect(() =>
      transaction(t.db, () => {
        queueNotification(t.deps, 'invitation', { personId: person.id, url: `${TEST_ORIGIN}/setup/x.y`, expiresAt: t.clock.now() + DAY })
        throw new Error('the event failed')
      }),
    ).toThrow('the event failed')
    expect(outbox(t.db)).toEqual([])
    t.close()
  })

  it('retries with growing pauses and gives up after a day, visibly', async () => {
    // A port nobody listens on: every attempt fails.
    const t = await testApp({ config: { smtpUrl: 'smtp://127.0.0.1:1' } })
    const person = buildPerson(t.db)
    transaction(t.db, () => queueNotification(t.deps, 'invitation', { personId: person.id, url: `${TEST_ORIGIN}/setup/x.y`, expiresAt: t.clock.now() + DAY }))
    const start = t.clock.now()
    const pauses: number[] = []
    await t.deps.notifications.runOnce(t.deps)
    for (let i = 0; i < 4; i++) {
      const row = outbox(t.db)[0]!
      pauses.push(row.next_attempt_at - t.clock.now())
      t.clock.set(row.next_attempt_at)
      await t.deps.notifications.runOnce(t.deps)
    }
    expect(pauses).toEqual([60_000, 120_000, 240_000, 480_000])
    expect(outbox(t.db)[0]).toMatchObject({ attempts: 5, failed_at: null })
    expect(outbox(t.db)[0]!.last_error).toBeTruthy()
    t.clock.set(start + DAY)
    await t.deps.notifications.runOnce(t.deps)
    expect(outbox(t.db)[0]).toMatchObject({ failed_at: start + DAY, sent_at: null })
    expect(t.log.lines.some((l) => l.includes('mail given up'))).toBe(true)
    // Given up means given up: no more attempts.
    t.clock.advance(DAY)
    await t.deps.notifications.runOnce(t.deps)
    expect(outbox(t.db)[0]!.attempts).toBe(6)
    t.close()
  })

  it('without SMTP_URL keeps mails waiting and says so once at start', async () => {
    const t = await testApp()
    const person = buildPerson(t.db)
    transaction(t.db, () => queueNotification(t.deps, 'invitation', { personId: person.id, url: `${TEST_ORIGIN}/setup/x.y`, expiresAt: t.clock.now() + DAY }))
    expect(await t.deps.notifications.runOnce(t.deps)).toEqual({ sent: 0, failed: 0 })
    expect(outbox(t.db)[0]).toMatchObject({ sent_at: null, failed_at: null, attempts: 0 })
    const jobs = createNotificationJobs(t.deps.config, t.log)
    jobs.start(t.deps)
    jobs.wake()
    jobs.stop()
    expect(t.log.lines.filter((l) => l.includes('mail is not set up')).length).toBe(1)
    t.close()
  })
})

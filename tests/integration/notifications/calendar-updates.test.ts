import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRoundWorld, DAY, openRoundVia } from '../../support/round-world.ts'
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts'
import { testApp } from '../../support/test-app.ts'

let smtp: SmtpSink
beforeAll(async () => {
  smtp = await startSmtpSink()
})
afterAll(async () => {
  await smtp.close()
})

/** The .ics attached to a mail as properties (folded lines joined): the calendar's and its one event's. */
function icsOf(mail: ParsedMail): { contentType: string; props: Map<string, string> } {
  const attachment = mail.attachments.find((a) => a.contentType === 'text/calendar')
  if (!attachment) throw new Error(`no calendar file in “${mail.subject}”`)
  const lines = attachment.content.toString('utf8').replace(/\r\n[ \t]/g, '').split('\r\n')
  const props = new Map<string, string>()
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) props.set(line.slice(0, colon).split(';')[0]!, line.slice(colon + 1))
  }
  const header = attachment.headers.get('content-type')
  const params = header && typeof header === 'object' && 'params' in header ? (header.params as Record<string, string>) : {}
  return { contentType: `${attachment.contentType}; method=${params.method ?? ''}`, props }
}

describe('the calendar file of round mails', () => {
  it('an extension sends the same event with a higher SEQUENCE; a cancellation sends METHOD:CANCEL and STATUS:CANCELLED', async () => {
    const t = await testApp({ config: { smtpUrl: smtp.url, mailFrom: 'Bündnis <positionen@example.org>' } })
    const world = buildRoundWorld(t, { weights: [1] })
    const delegate = world.delegates[0]!
    // Changes of a deadline come at once to who asked for it (the default is the daily digest).
    expect((await delegate.client.put('/api/me/notification-settings', { deadline_extended: 'immediate', round_cancelled: 'immediate' })).status).toBe(200)
    const roundId = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + 3 * DAY).toISOString() })
    const nextMail = async () => {
      const before = smtp.mails.length
      await t.deps.notifications.runOnce(t.deps)
      const mails = (await smtp.waitForMails(before + 1)).slice(before)
      expect(mails).toHaveLength(1)
      return icsOf(mails[0]!)
    }

    const opened = await nextMail()
    expect(opened.props.get('METHOD')).toBe('PUBLISH')
    expect(opened.props.get('SEQUENCE')).toBe('0')
    const uid = opened.props.get('UID')
    expect(uid).toBe(`round-${roundId}@sprachrohr.test`)

    const later = new Date(t.clock.now() + 5 * DAY)
    expect((await world.coordinator.post(`/api/rounds/${roundId}/extend`, { closesAt: later.toISOString(), reason: 'Mehr Zeit zum Lesen.' })).status).toBe(200)
    const extended = await nextMail()
    expect(extended.contentType).toBe('text/calendar; method=PUBLISH')
    expect(extended.props.get('UID')).toBe(uid)
    expect(extended.props.get('SEQUENCE')).toBe('1')
    expect(extended.props.get('DTEND')).toBe(later.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''))

    expect((await world.coordinator.post(`/api/rounds/${roundId}/extend`, { closesAt: new Date(later.getTime() + DAY).toISOString(), reason: 'Noch mehr Zeit.' })).status).toBe(200)
    expect((await nextMail()).props.get('SEQUENCE')).toBe('2')

    expect((await world.coordinator.post(`/api/rounds/${roundId}/cancel`, { reason: 'Der Text wird neu geschrieben.' })).status).toBe(200)
    const cancelled = await nextMail()
    expect(cancelled.contentType).toBe('text/calendar; method=CANCEL')
    expect(cancelled.props.get('METHOD')).toBe('CANCEL')
    expect(cancelled.props.get('STATUS')).toBe('CANCELLED')
    expect(cancelled.props.get('UID')).toBe(uid)
    expect(cancelled.props.get('SEQUENCE')).toBe('3')
    expect(cancelled.props.get('ORGANIZER')).toBe('mailto:positionen@example.org')
    t.close()
  })

  it('the daily digest carries the updated event of an extension collected for it', async () => {
    const t = await testApp({ config: { smtpUrl: smtp.url } })
    const world = buildRoundWorld(t, { weights: [1] })
    const roundId = await openRoundVia(t, world, { closesAt: new Date(t.clock.now() + 3 * DAY).toISOString() })
    await t.deps.notifications.runOnce(t.deps)
    const later = new Date(t.clock.now() + 5 * DAY)
    expect((await world.coordinator.post(`/api/rounds/${roundId}/extend`, { closesAt: later.toISOString(), reason: 'Mehr Zeit.' })).status).toBe(200)
    // The next digest: 07:00 in Berlin the following day.
    t.clock.set(Date.parse('2026-11-22T06:00:00Z'))
    const before = smtp.mails.length
    await t.deps.notifications.runOnce(t.deps)
    const mails = (await smtp.waitForMails(before + 1)).slice(before)
    const digest = mails.find((m) => m.subject?.startsWith('Sprachrohr: Neues seit gestern'))!
    const { props } = icsOf(digest)
    expect(props.get('UID')).toBe(`round-${roundId}@sprachrohr.test`)
    expect(props.get('SEQUENCE')).toBe('1')
    expect(props.get('DTEND')).toBe(later.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''))
    t.close()
  })
})

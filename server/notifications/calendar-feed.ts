import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import type { Deps } from '../deps.ts'
import { getPerson } from '../people/person.repo.ts'
import { appSecret, calendarNonce, openAmendmentRoundsFor, openRoundsFor, storeCalendarNonce } from './notification.repo.ts'
import { roundCalendar } from './round-calendar.ts'

function key(deps: Pick<Deps, 'db' | 'now'>): Buffer {
  return appSecret(deps.db, 'calendar', () => randomBytes(32), deps.now())
}

function sign(deps: Pick<Deps, 'db' | 'now'>, personId: string, nonce: Buffer): string {
  return createHmac('sha256', key(deps)).update(personId).update('\u0000').update(nonce).digest('base64url')
}

/** The person's secret feed URL, or null when they have none yet. */
export function calendarFeedUrl(deps: Pick<Deps, 'db' | 'now' | 'config'>, personId: string): string | null {
  const nonce = calendarNonce(deps.db, personId)
  return nonce ? `${deps.config.publicUrl}/calendar/${personId}.${sign(deps, personId, nonce)}.ics` : null
}

/** Creates the feed URL, or a new one (the old one stops working at once). */
export function renewCalendarFeed(deps: Deps, personId: string): string {
  return transaction(deps.db, () => {
    storeCalendarNonce(deps.db, personId, randomBytes(16), deps.now())
    return calendarFeedUrl(deps, personId) ?? fail('internal')
  })
}

/** The iCalendar text of a feed token (`<person>.<signature>`): the deadlines of every open round the person can answer in. */
export function calendarFeed(deps: Deps, token: string): string {
  const [personId, given, ...rest] = token.split('.')
  if (!personId || !given || rest.length || token.length > 200) fail('not_found')
  const nonce = calendarNonce(deps.db, personId) ?? fail('not_found')
  const expected = Buffer.from(sign(deps, personId, nonce))
  const actual = Buffer.from(given)
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) fail('not_found')
  const person = getPerson(deps.db, personId)
  if (!person || person.disabled === 1) fail('not_found')
  const t = deps.languages.translator(deps.languages.installed(person.locale) ?? 'de')
  // Amendment rounds too: same UID (`round-<id>`) and SEQUENCE as their mails' calendar files.
  const rounds = [...openRoundsFor(deps.db, personId), ...openAmendmentRoundsFor(deps.db, personId)].sort((a, b) => a.closes_at - b.closes_at)
  return roundCalendar(
    rounds.map((r) => ({ roundId: r.id, summary: t('notify.calendar.event', { title: r.title }), url: `${deps.config.publicUrl}/rounds/${r.id}`, closesAt: r.closes_at, sequence: r.extensions })),
    { host: new URL(deps.config.publicUrl).hostname, name: 'Sprachrohr', stamp: deps.now() },
  )
}

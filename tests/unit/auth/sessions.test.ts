import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase, type Db } from '../../../db/connection.ts'
import { migrateToLatest } from '../../../db/migrate.ts'
import { createSession, SESSION_POLICY, sessionExpiresAt, validateSessionToken } from '../../../server/auth/sessions.ts'
import { testClock, type TestClock } from '../../support/clock.ts'
import { buildPerson } from '../../support/factories.ts'

const HOUR = 3600_000
const DAY = 24 * HOUR

let db: Db
let clock: TestClock
let personId: string

beforeEach(async () => {
  db = openDatabase(':memory:')
  await migrateToLatest(db)
  clock = testClock()
  personId = buildPerson(db).id
})
afterEach(() => closeDatabase(db))

describe('session expiry and renewal', () => {
  it('accepts a fresh session and refuses a forged secret', () => {
    const { token } = createSession(db, personId, clock.now())
    const valid = validateSessionToken(db, token, clock.now())
    expect(valid?.session.person_id).toBe(personId)
    expect(valid?.person.id).toBe(personId)
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    expect(validateSessionToken(db, forged, clock.now())).toBeNull()
    expect(validateSessionToken(db, 'garbage', clock.now())).toBeNull()
  })

  it('ends a session that was not used for the inactivity timeout', () => {
    const { token } = createSession(db, personId, clock.now())
    clock.advance(SESSION_POLICY.inactivityTimeoutMs - 1)
    expect(validateSessionToken(db, token, clock.now())).not.toBeNull()
    const again = createSession(db, personId, clock.now())
    clock.advance(SESSION_POLICY.inactivityTimeoutMs)
    expect(validateSessionToken(db, again.token, clock.now())).toBeNull()
    // Expired sessions are deleted, so they stay dead even if the clock went back.
    clock.advance(-SESSION_POLICY.inactivityTimeoutMs)
    expect(validateSessionToken(db, again.token, clock.now())).toBeNull()
  })

  it('renews on use: activity moves the expiry forward', () => {
    const { token, session } = createSession(db, personId, clock.now())
    const firstExpiry = sessionExpiresAt(session)
    clock.advance(10 * DAY)
    const used = validateSessionToken(db, token, clock.now())
    expect(used?.renewed).toBe(true)
    expect(sessionExpiresAt(used!.session)).toBe(firstExpiry + 10 * DAY)
    // Past the first expiry, but within the renewed one: still valid.
    clock.advance(10 * DAY)
    expect(validateSessionToken(db, token, clock.now())).not.toBeNull()
  })

  it('does not write on every request: no renewal within the check interval', () => {
    const { token } = createSession(db, personId, clock.now())
    clock.advance(SESSION_POLICY.activityCheckIntervalMs - 1)
    expect(validateSessionToken(db, token, clock.now())?.renewed).toBe(false)
  })

  it('ends even an active session after the absolute lifetime', () => {
    const { token } = createSession(db, personId, clock.now())
    const start = clock.now()
    while (clock.now() - start < SESSION_POLICY.absoluteLifetimeMs - DAY) {
      clock.advance(DAY)
      expect(validateSessionToken(db, token, clock.now())).not.toBeNull()
    }
    clock.set(start + SESSION_POLICY.absoluteLifetimeMs)
    expect(validateSessionToken(db, token, clock.now())).toBeNull()
  })

  it('caps the cookie expiry at the absolute lifetime', () => {
    const { session } = createSession(db, personId, clock.now())
    const late = { ...session, last_verified_at: session.created_at + 25 * DAY }
    expect(sessionExpiresAt(late)).toBe(session.created_at + SESSION_POLICY.absoluteLifetimeMs)
  })
})

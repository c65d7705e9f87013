import type { Db } from '../../db/connection.ts'
import type { PersonRow, SessionRow } from '../../db/schema/index.ts'
import * as sessionRepo from './session.repo.ts'
import { generateSessionToken, hashSecret, parseSessionToken, sameHash } from './session-token.ts'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/** Lucia's session design with our numbers: sliding inactivity expiry plus an absolute lifetime. */
export const SESSION_POLICY = {
  /** A session unused for this long is dead. */
  inactivityTimeoutMs: 14 * DAY,
  /** How often use of a session is written back (renewal); keeps reads from writing on every request. */
  activityCheckIntervalMs: 60 * MINUTE,
  /** Even an active session ends after this long: a stolen cookie does not live forever. */
  absoluteLifetimeMs: 30 * DAY,
} as const

export interface ValidSession {
  session: SessionRow
  /** Whose session it is (read with it); the caller decides what a disabled person may do. */
  person: PersonRow
  /** True when the expiry moved: the caller refreshes the cookie. */
  renewed: boolean
}

/** Creates a new session (a fresh token at every login). Returns the token for the cookie. */
export function createSession(db: Db, personId: string, now: number): { token: string; session: SessionRow } {
  const { id, secret, token } = generateSessionToken()
  const session: SessionRow = { id, person_id: personId, secret_hash: hashSecret(secret), created_at: now, last_verified_at: now }
  sessionRepo.insertSession(db, session)
  return { token, session }
}

/** Checks a token from a cookie; null when unknown, forged or expired (expired ones are deleted). */
export function validateSessionToken(db: Db, token: string, now: number): ValidSession | null {
  const parsed = parseSessionToken(token)
  if (!parsed) return null
  const found = sessionRepo.getSessionAndPerson(db, parsed.id)
  if (!found) return null
  const { session, person } = found
  if (!sameHash(hashSecret(parsed.secret), Buffer.from(session.secret_hash))) return null
  if (isExpired(session, now)) {
    sessionRepo.deleteSession(db, session.id)
    return null
  }
  if (now - session.last_verified_at >= SESSION_POLICY.activityCheckIntervalMs) {
    sessionRepo.touchSession(db, session.id, now)
    return { session: { ...session, last_verified_at: now }, person, renewed: true }
  }
  return { session, person, renewed: false }
}

export function isExpired(session: Pick<SessionRow, 'created_at' | 'last_verified_at'>, now: number): boolean {
  return (
    now - session.last_verified_at >= SESSION_POLICY.inactivityTimeoutMs ||
    now - session.created_at >= SESSION_POLICY.absoluteLifetimeMs
  )
}

/** When the cookie should expire: the earlier of inactivity and absolute expiry. */
export function sessionExpiresAt(session: Pick<SessionRow, 'created_at' | 'last_verified_at'>): number {
  return Math.min(
    session.last_verified_at + SESSION_POLICY.inactivityTimeoutMs,
    session.created_at + SESSION_POLICY.absoluteLifetimeMs,
  )
}

export function invalidateSession(db: Db, id: string): void {
  sessionRepo.deleteSession(db, id)
}

/** Ends every session of a person (password change elsewhere, disabling). */
export function invalidatePersonSessions(db: Db, personId: string): number {
  return sessionRepo.deleteSessionsOfPerson(db, personId)
}

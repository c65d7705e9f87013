import { randomBytes } from 'node:crypto'
import type { PersonRow, SessionRow } from '../../db/schema/index.ts'
import { fail, failThrottled, type ErrorDetail } from '../../shared/errors.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from '../people/person.repo.ts'
import { hashPassword, verifyPassword, type PasswordHashCost } from './passwords.ts'
import { createSession } from './sessions.ts'

export interface LogInInput {
  email: string
  password: string
  /** The client's address (see client-ip.ts), for throttling. */
  ip: string
}

export interface LoggedIn {
  person: PersonRow
  token: string
  session: SessionRow
}

/**
 * The hash unknown emails are checked against, so that they take as long as a wrong password:
 * the answer time must not tell an attacker which emails have an account. Made on first use, at
 * the app's cost; the app context holds one (`deps.unknownEmailHash`).
 */
export function lazyDummyHash(cost: PasswordHashCost): () => Promise<string> {
  let hash: Promise<string> | undefined
  return () => (hash ??= hashPassword(randomBytes(24).toString('base64url'), cost))
}

/** The wait in terms a person can act on: seconds under a minute, else whole minutes. */
export function throttledDetail(waitMs: number): ErrorDetail {
  return waitMs < 60_000
    ? { key: 'auth.throttled_seconds', params: { seconds: Math.max(1, Math.ceil(waitMs / 1000)) } }
    : { key: 'auth.throttled_minutes', params: { minutes: Math.ceil(waitMs / 60_000) } }
}

/**
 * Checks email and password and opens a new session (a fresh token at every login). Unknown
 * email, wrong password, a disabled person and one without a password yet all get the same 401.
 */
export async function logIn(deps: Deps, input: LogInInput): Promise<LoggedIn> {
  const throttle = deps.throttles.login
  const wait = throttle.waitMs(input.email, input.ip)
  if (wait > 0) failThrottled(wait, throttledDetail(wait))

  const person = personRepo.getPersonByEmail(deps.db, input.email)
  const usable = person && person.disabled === 0 && person.password_hash ? person : undefined
  const ok = await verifyPassword(usable?.password_hash ?? (await deps.unknownEmailHash()), input.password)
  if (!usable || !ok) {
    throttle.recordFailure(input.email, input.ip)
    fail('unauthenticated', { key: 'auth.login_failed' })
  }
  throttle.recordSuccess(input.email)
  const { token, session } = createSession(deps.db, usable.id, deps.now())
  return { person: usable, token, session }
}

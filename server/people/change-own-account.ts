import { transaction } from '../../db/query.ts'
import type { PersonRow, SessionRow } from '../../db/schema/index.ts'
import { fail, failThrottled } from '../../shared/errors.ts'
import type { Locale } from '../../shared/i18n/index.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { throttledDetail } from '../auth/log-in.ts'
import { checkPasswordRules, hashPassword, verifyPassword } from '../auth/passwords.ts'
import { createSession, invalidatePersonSessions } from '../auth/sessions.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from './person.repo.ts'

export interface OwnAccountChange {
  name?: string
  /** null: follow the browser's language. */
  locale?: Locale | null
  password?: string
  currentPassword?: string
}

export interface OwnAccountChanged {
  person: PersonRow
  /** Set when the password changed: every session ended, and this new one replaces the caller's. */
  newSession?: { token: string; session: SessionRow }
}

/**
 * A person changes their own name, language and/or password, all or nothing. A new password
 * needs the current one; it ends every session of the person (a thief's too) and opens a fresh
 * one for the device that made the change. Checking the current password goes through the login
 * throttle (per account and per address, `ip` from client-ip.ts): a stolen session must not
 * become an unthrottled way to guess the password.
 */
export async function changeOwnAccount(
  deps: Deps,
  personId: string,
  change: OwnAccountChange,
  ip: string,
): Promise<OwnAccountChanged> {
  const person = personRepo.getPerson(deps.db, personId) ?? fail('not_found')
  const name = change.name?.trim()
  if (name !== undefined && name === '') fail('validation', { key: 'me.name_required' }, 'name')
  if (change.locale && !deps.languages.has(change.locale)) fail('validation', { key: 'me.locale_unknown' }, 'locale')

  let passwordHash: string | undefined
  if (change.password !== undefined) {
    if (!change.currentPassword) fail('validation', { key: 'auth.password_current_required' }, 'currentPassword')
    const throttle = deps.throttles.login
    const wait = throttle.waitMs(person.email, ip)
    if (wait > 0) failThrottled(wait, throttledDetail(wait))
    const ok = person.password_hash !== null && (await verifyPassword(person.password_hash, change.currentPassword))
    if (!ok) {
      throttle.recordFailure(person.email, ip)
      fail('validation', { key: 'auth.password_current_wrong' }, 'currentPassword')
    }
    throttle.recordSuccess(person.email)
    const problem = checkPasswordRules(change.password, { email: person.email, name: name ?? person.name })
    if (problem) fail('validation', { key: problem }, 'password')
    passwordHash = await hashPassword(change.password, deps.config.passwordHashCost)
  }

  const changed = transaction(deps.db, () => {
    const now = deps.now()
    const current = personRepo.getPerson(deps.db, personId)
    if (!current || current.disabled === 1) fail('unauthenticated')
    // The current password was checked against the hash read before hashing; if someone changed
    // the password meanwhile, that check no longer holds.
    if (passwordHash !== undefined && current.password_hash !== person.password_hash) fail('conflict')
    const patch: personRepo.PersonPatch = {}
    if (name !== undefined) patch.name = name
    if (change.locale !== undefined) patch.locale = change.locale
    if (passwordHash !== undefined) patch.password_hash = passwordHash
    const fields = Object.keys(patch).map((key) => (key === 'password_hash' ? 'password' : key))
    if (fields.length === 0) return { person: current }
    personRepo.updatePerson(deps.db, personId, patch, now)
    let newSession: OwnAccountChanged['newSession']
    if (passwordHash !== undefined) {
      invalidatePersonSessions(deps.db, personId)
      newSession = createSession(deps.db, personId, now)
    }
    recordAudit(deps, { actorId: personId, action: 'person.update_self', objectType: 'person', objectId: personId, data: { fields } })
    return { person: personRepo.getPerson(deps.db, personId)!, ...(newSession ? { newSession } : {}) }
  })
  if (changed.newSession) deps.events.emit('person-sessions-ended', { personId })
  return changed
}

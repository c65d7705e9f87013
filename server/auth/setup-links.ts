import { randomBytes } from 'node:crypto'
import { newId } from '../../db/ids.ts'
import { transaction } from '../../db/query.ts'
import type { PersonRow, SetupTokenRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from '../people/person.repo.ts'
import * as accountRepo from './account.repo.ts'
import { checkNewAdmin, insertAdmin } from './create-admin.ts'
import { checkPasswordRules, hashPassword } from './passwords.ts'
import { invalidatePersonSessions } from './sessions.ts'
import { hashSecret, sameHash } from './session-token.ts'
import * as setupTokenRepo from './setup-token.repo.ts'

const DAY = 24 * 60 * 60_000
/** A setup link is valid this long; there is no mail yet, so the admin passes it on by hand. */
export const SETUP_LINK_VALIDITY_MS = 7 * DAY

export interface SetupLink {
  url: string
  expiresAt: number
}

export type SetupLinkInfo =
  | { purpose: 'first_admin' }
  | { purpose: 'invite'; person: Pick<PersonRow, 'id' | 'name' | 'email'> }

export type RedeemInput = { name: string; email: string; password: string } | { password: string }

function issue(deps: Deps, purpose: 'first_admin' | 'invite', personId: string | null): SetupLink {
  const id = newId()
  const secret = randomBytes(32).toString('base64url')
  const now = deps.now()
  const expiresAt = now + SETUP_LINK_VALIDITY_MS
  setupTokenRepo.insertSetupToken(deps.db, {
    id,
    person_id: personId,
    purpose,
    token_hash: hashSecret(secret),
    created_at: now,
    expires_at: expiresAt,
    used_at: null,
  })
  return { url: `${deps.config.publicUrl}/setup/${id}.${secret}`, expiresAt }
}

/**
 * A one-time link that creates the first admin, or null when an admin exists already. Earlier
 * unused first-admin links stop working, so only the link printed last is valid.
 */
export function createFirstAdminLink(deps: Deps): SetupLink | null {
  return transaction(deps.db, () => {
    if (accountRepo.adminExists(deps.db)) return null
    setupTokenRepo.deleteUnusedFirstAdminTokens(deps.db)
    return issue(deps, 'first_admin', null)
  })
}

/** A one-time link with which the person sets their password; earlier unused invites of theirs stop working. */
export function createInviteLink(deps: Deps, personId: string): SetupLink {
  return transaction(deps.db, () => {
    if (!personRepo.getPerson(deps.db, personId)) fail('not_found')
    setupTokenRepo.deleteUnusedInvites(deps.db, personId)
    return issue(deps, 'invite', personId)
  })
}

type Usable = { row: SetupTokenRow; purpose: 'first_admin' } | { row: SetupTokenRow; purpose: 'invite'; person: PersonRow }

/** The token row if the link is genuine, unused and unexpired (and still makes sense). */
function findUsable(deps: Deps, token: string): Usable | undefined {
  const dot = token.indexOf('.')
  if (dot < 0 || token.length > 200) return undefined
  const row = setupTokenRepo.getSetupToken(deps.db, token.slice(0, dot))
  if (!row) return undefined
  if (!sameHash(hashSecret(token.slice(dot + 1)), Buffer.from(row.token_hash))) return undefined
  if (row.used_at !== null || deps.now() >= row.expires_at) return undefined
  if (row.purpose === 'first_admin') return accountRepo.adminExists(deps.db) ? undefined : { row, purpose: 'first_admin' }
  const person = row.person_id ? personRepo.getPerson(deps.db, row.person_id) : undefined
  if (!person || person.disabled === 1) return undefined
  return { row, purpose: 'invite', person }
}

/** What the setup page should show for a link; null when the link cannot be used. */
export function inspectSetupLink(deps: Deps, token: string): SetupLinkInfo | null {
  const found = findUsable(deps, token)
  if (!found) return null
  if (found.purpose === 'first_admin') return { purpose: 'first_admin' }
  const { id, name, email } = found.person
  return { purpose: 'invite', person: { id, name, email } }
}

/**
 * Uses a setup link: the first-admin link creates the admin from name, email and password; an
 * invite sets that person's password (and ends any sessions they had). Single use, checked again
 * inside the transaction so two simultaneous submissions cannot both succeed. Returns the person,
 * whom the caller then logs in.
 */
export async function redeemSetupLink(deps: Deps, token: string, input: RedeemInput): Promise<PersonRow> {
  const found = findUsable(deps, token)
  if (!found) fail('not_found', { key: 'auth.setup_invalid' })
  let account: { name: string; email: string }
  if (found.purpose === 'first_admin') {
    if (!('email' in input)) fail('validation', { key: 'error.field_required', params: { field: 'email' } }, 'email')
    account = checkNewAdmin(input)
  } else {
    account = { name: found.person.name, email: found.person.email }
    const problem = checkPasswordRules(input.password, account)
    if (problem) fail('validation', { key: problem }, 'password')
  }
  // Hashing takes a moment and is async; the transaction below is not, so it re-checks everything.
  const passwordHash = await hashPassword(input.password, deps.config.passwordHashCost)

  const person = transaction(deps.db, () => {
    const now = deps.now()
    const again = findUsable(deps, token)
    if (!again || again.row.id !== found.row.id || !setupTokenRepo.useSetupToken(deps.db, again.row.id, now))
      fail('not_found', { key: 'auth.setup_invalid' })
    if (again.purpose === 'first_admin') return insertAdmin(deps, { ...account, passwordHash }, 'setup_link')
    const personId = again.person.id
    personRepo.updatePerson(deps.db, personId, { password_hash: passwordHash }, now)
    invalidatePersonSessions(deps.db, personId)
    recordAudit(deps, { actorId: personId, action: 'person.set_password_by_link', objectType: 'person', objectId: personId })
    return personRepo.getPerson(deps.db, personId)!
  })
  // A set-password link doubles as a reset: whoever held the old sessions must not keep editing.
  if (found.purpose === 'invite') deps.events.emit('person-sessions-ended', { personId: person.id })
  return person
}

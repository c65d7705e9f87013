import { newId } from '../../db/ids.ts'
import { isUniqueViolation, transaction } from '../../db/query.ts'
import type { PersonRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from '../people/person.repo.ts'
import * as accountRepo from './account.repo.ts'
import { checkPasswordRules, hashPassword } from './passwords.ts'
import * as setupTokenRepo from './setup-token.repo.ts'

export interface NewAdmin {
  name: string
  email: string
  password: string
}

/** Deliberately loose: one @, something on each side, a dot in the domain, no spaces. */
export function isEmail(value: string): boolean {
  return value.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
}

/** Checks name, email and password of a new admin; returns name and email normalized. */
export function checkNewAdmin(input: NewAdmin): { name: string; email: string } {
  const name = input.name.trim()
  const email = input.email.trim().toLowerCase()
  if (name === '') fail('validation', { key: 'me.name_required' }, 'name')
  if (!isEmail(email)) fail('validation', { key: 'auth.email_invalid' }, 'email')
  const problem = checkPasswordRules(input.password, { email, name })
  if (problem) fail('validation', { key: problem }, 'password')
  return { name, email }
}

/**
 * Writes an admin person; call inside a transaction. First-admin links stop working, since
 * an admin now exists.
 */
export function insertAdmin(
  deps: Deps,
  input: { name: string; email: string; passwordHash: string },
  how: 'setup_link' | 'cli',
): PersonRow {
  if (personRepo.getPersonByEmail(deps.db, input.email)) fail('duplicate', { key: 'auth.email_taken' }, 'email')
  const id = newId()
  const now = deps.now()
  try {
    accountRepo.insertPerson(deps.db, {
      id,
      email: input.email,
      name: input.name,
      password_hash: input.passwordHash,
      locale: null,
      is_admin: 1,
      created_at: now,
      updated_at: now,
    })
  } catch (error) {
    if (isUniqueViolation(error)) fail('duplicate', { key: 'auth.email_taken' }, 'email')
    throw error
  }
  setupTokenRepo.deleteUnusedFirstAdminTokens(deps.db)
  recordAudit(deps, { actorId: how === 'setup_link' ? id : null, action: 'person.create_admin', objectType: 'person', objectId: id, data: { email: input.email, via: how } })
  return personRepo.getPerson(deps.db, id)!
}

/** Creates an admin with a password (the `create-admin` command); works whether or not admins exist. */
export async function createAdmin(deps: Deps, input: NewAdmin): Promise<PersonRow> {
  const { name, email } = checkNewAdmin(input)
  const passwordHash = await hashPassword(input.password, deps.config.passwordHashCost)
  return transaction(deps.db, () => insertAdmin(deps, { name, email, passwordHash }, 'cli'))
}

import { newId } from '../../db/ids.ts'
import { isUniqueViolation, transaction } from '../../db/query.ts'
import type { PersonRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import type { GlobalRole } from '../../shared/fields.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { checkPasswordRules, hashPassword } from '../auth/passwords.ts'
import { createInviteLink, type SetupLink } from '../auth/setup-links.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from './person.repo.ts'

export interface CreatePersonInput {
  email: string
  name: string
  /** When absent the person gets an invite link to set a password themselves. */
  password?: string | undefined
  roles?: readonly GlobalRole[] | undefined
}

export interface CreatedPerson {
  person: PersonRow
  /** The invite link to hand to the person; only when no password was given. */
  setup: SetupLink | null
}

/**
 * Adds a person. There is no mail yet, so without a password the admin gets a one-time link
 * to pass on; the person and their link are created in one transaction.
 */
export async function createPerson(deps: Deps, actorId: string | null, input: CreatePersonInput): Promise<CreatedPerson> {
  const email = input.email.trim().toLowerCase()
  if (input.password !== undefined) {
    const problem = checkPasswordRules(input.password, { email, name: input.name })
    if (problem) fail('validation', { key: problem }, 'password')
  }
  // Checked before hashing too, so a typo'd duplicate does not cost an argon2 run.
  if (personRepo.getPersonByEmail(deps.db, email)) fail('duplicate', { key: 'admin.error.email_taken' }, 'email')
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password, deps.config.passwordHashCost)
  return transaction(deps.db, () => {
    const person = insertPersonRecord(deps, actorId, { email, name: input.name, roles: input.roles ?? [], passwordHash })
    const setup = passwordHash === null ? createInviteLink(deps, person.id) : null
    return { person, setup }
  })
}

/**
 * Writes the person row and its audit event, given an already hashed password (or null). Used
 * by createPerson and by the demo, which hashes its one shared password once for everybody.
 */
export function insertPersonRecord(
  deps: Deps,
  actorId: string | null,
  input: { email: string; name: string; roles: readonly GlobalRole[]; passwordHash: string | null },
): PersonRow {
  const now = deps.now()
  const row: PersonRow = {
    id: newId(),
    email: input.email.trim().toLowerCase(),
    name: input.name,
    password_hash: input.passwordHash,
    locale: null,
    is_admin: input.roles.includes('admin') ? 1 : 0,
    is_spokesperson: input.roles.includes('spokesperson') ? 1 : 0,
    disabled: 0,
    created_at: now,
    updated_at: now,
  }
  return transaction(deps.db, () => {
    if (personRepo.getPersonByEmail(deps.db, row.email)) fail('duplicate', { key: 'admin.error.email_taken' }, 'email')
    try {
      personRepo.insertPerson(deps.db, row)
    } catch (error) {
      if (isUniqueViolation(error)) fail('duplicate', { key: 'admin.error.email_taken' }, 'email')
      throw error
    }
    recordAudit(deps, {
      actorId,
      action: 'person.create',
      objectType: 'person',
      objectId: row.id,
      data: { email: row.email, name: row.name, roles: [...input.roles], invited: input.passwordHash === null },
    })
    return row
  })
}

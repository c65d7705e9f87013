import { isUniqueViolation, transaction } from '../../db/query.ts'
import type { PersonRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import type { GlobalRole } from '../../shared/fields.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { invalidatePersonSessions } from '../auth/sessions.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from './person.repo.ts'

export interface UpdatePersonInput {
  name?: string | undefined
  email?: string | undefined
  /** The complete set of global roles after the change. */
  roles?: readonly GlobalRole[] | undefined
  disabled?: boolean | undefined
}

/**
 * An admin changes a person's name, email, global roles or disabled flag. Disabling ends all
 * of the person's sessions (and, after commit, their live connections). The alliance must keep
 * at least one active admin, else nobody could manage it any more: that change is refused.
 */
export function updatePerson(deps: Deps, actorId: string | null, personId: string, input: UpdatePersonInput): PersonRow {
  const result = transaction(deps.db, () => {
    const current = personRepo.getPerson(deps.db, personId) ?? fail('not_found', { key: 'admin.error.person_not_found' })
    const patch: personRepo.PersonPatch = {}
    if (input.name !== undefined && input.name !== current.name) patch.name = input.name
    const email = input.email?.trim().toLowerCase()
    if (email !== undefined && email !== current.email) patch.email = email
    if (input.roles !== undefined) {
      const isAdmin = input.roles.includes('admin') ? 1 : 0
      const isSpokesperson = input.roles.includes('spokesperson') ? 1 : 0
      if (isAdmin !== current.is_admin) patch.is_admin = isAdmin
      if (isSpokesperson !== current.is_spokesperson) patch.is_spokesperson = isSpokesperson
    }
    const disabled = input.disabled === undefined ? undefined : input.disabled ? 1 : 0
    if (disabled !== undefined && disabled !== current.disabled) patch.disabled = disabled
    if (Object.keys(patch).length === 0) return { person: current, disabledNow: false, rolesChanged: false }

    const wasActiveAdmin = current.is_admin === 1 && current.disabled === 0
    const staysActiveAdmin = (patch.is_admin ?? current.is_admin) === 1 && (patch.disabled ?? current.disabled) === 0
    if (wasActiveAdmin && !staysActiveAdmin && personRepo.countActiveAdmins(deps.db, personId) === 0)
      fail('last_admin', undefined, patch.is_admin === 0 ? 'roles' : 'disabled')

    if (patch.email && personRepo.getPersonByEmail(deps.db, patch.email)) fail('duplicate', { key: 'admin.error.email_taken' }, 'email')
    const now = deps.now()
    try {
      personRepo.updatePerson(deps.db, personId, patch, now)
    } catch (error) {
      if (isUniqueViolation(error)) fail('duplicate', { key: 'admin.error.email_taken' }, 'email')
      throw error
    }
    const disabledNow = patch.disabled === 1
    if (disabledNow) invalidatePersonSessions(deps.db, personId)
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, current[k as keyof typeof patch]]))
    recordAudit(deps, { actorId, action: 'person.update', objectType: 'person', objectId: personId, data: { before, after: patch } })
    const rolesChanged = patch.is_admin !== undefined || patch.is_spokesperson !== undefined || patch.disabled === 0
    return { person: { ...current, ...patch, updated_at: now }, disabledNow, rolesChanged }
  })
  // Only after commit: listeners close websockets, which must not happen for a rolled-back change.
  if (result.disabledNow) deps.events.emit('person-disabled', { personId })
  else if (result.rolesChanged) deps.events.emit('access-changed', { personIds: [personId] })
  return result.person
}

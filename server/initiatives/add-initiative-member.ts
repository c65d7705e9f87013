import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from '../people/person.repo.ts'
import * as initiativeRepo from './initiative.repo.ts'
import type { InitiativeRole } from './initiative.repo.ts'

export interface InitiativeMembership {
  initiativeId: string
  personId: string
  role: InitiativeRole
}

/**
 * Makes a person delegate or member of an initiative. Adding someone who already belongs to it
 * sets the new role instead of failing, so the same form both adds and changes roles.
 * `created` tells the caller whether a membership was added (201) or an existing one kept (200).
 */
export function addInitiativeMember(
  deps: Deps,
  actorId: string | null,
  initiativeId: string,
  input: { personId: string; role: InitiativeRole },
): { membership: InitiativeMembership; created: boolean } {
  const result = transaction(deps.db, () => {
    if (!initiativeRepo.getInitiative(deps.db, initiativeId)) fail('not_found', { key: 'admin.error.initiative_not_found' })
    if (!personRepo.getPerson(deps.db, input.personId)) fail('not_found', { key: 'admin.error.person_not_found' }, 'personId')
    const membership = { initiativeId, personId: input.personId, role: input.role }
    const existing = initiativeRepo.getInitiativeMembership(deps.db, initiativeId, input.personId)
    if (existing) {
      if (existing.role !== input.role) {
        initiativeRepo.setInitiativeMembershipRole(deps.db, initiativeId, input.personId, input.role)
        recordAudit(deps, {
          actorId,
          action: 'initiative.member_role',
          objectType: 'initiative',
          objectId: initiativeId,
          data: { personId: input.personId, before: existing.role, after: input.role },
        })
      }
      return { membership, created: false }
    }
    initiativeRepo.insertInitiativeMembership(deps.db, {
      initiative_id: initiativeId,
      person_id: input.personId,
      role: input.role,
      created_at: deps.now(),
    })
    recordAudit(deps, {
      actorId,
      action: 'initiative.member_add',
      objectType: 'initiative',
      objectId: initiativeId,
      data: { personId: input.personId, role: input.role },
    })
    return { membership, created: true }
  })
  deps.events.emit('access-changed', { personIds: [input.personId] })
  return result
}

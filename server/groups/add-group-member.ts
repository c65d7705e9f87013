import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as personRepo from '../people/person.repo.ts'
import * as groupRepo from './group.repo.ts'

export interface GroupMembership {
  groupId: string
  personId: string
  coordinator: boolean
}

/**
 * Adds a person to a working group, as coordinator or not. For someone already in the group it
 * sets the coordinator flag to the given value (absent means "not coordinator"), which is how
 * the admin pages toggle coordination. `created` says whether a membership was added.
 */
export function addGroupMember(
  deps: Deps,
  actorId: string | null,
  groupId: string,
  input: { personId: string; coordinator?: boolean | undefined },
): { membership: GroupMembership; created: boolean } {
  const coordinator = input.coordinator ?? false
  const result = transaction(deps.db, () => {
    if (!groupRepo.getGroup(deps.db, groupId)) fail('not_found', { key: 'admin.error.group_not_found' })
    if (!personRepo.getPerson(deps.db, input.personId)) fail('not_found', { key: 'admin.error.person_not_found' }, 'personId')
    const membership = { groupId, personId: input.personId, coordinator }
    const existing = groupRepo.getGroupMembership(deps.db, groupId, input.personId)
    if (existing) {
      if ((existing.coordinator === 1) !== coordinator) {
        groupRepo.setGroupCoordinator(deps.db, groupId, input.personId, coordinator)
        recordAudit(deps, {
          actorId,
          action: 'group.member_coordinator',
          objectType: 'group',
          objectId: groupId,
          data: { personId: input.personId, coordinator },
        })
      }
      return { membership, created: false }
    }
    groupRepo.insertGroupMembership(deps.db, {
      group_id: groupId,
      person_id: input.personId,
      coordinator: coordinator ? 1 : 0,
      created_at: deps.now(),
    })
    recordAudit(deps, { actorId, action: 'group.member_add', objectType: 'group', objectId: groupId, data: { personId: input.personId, coordinator } })
    return { membership, created: true }
  })
  // After the commit: an open editor of this person may now write.
  deps.events.emit('access-changed', { personIds: [input.personId] })
  return result
}

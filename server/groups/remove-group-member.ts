import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as groupRepo from './group.repo.ts'

/** Takes a person out of a working group; 404 when they are not in it. */
export function removeGroupMember(deps: Deps, actorId: string | null, groupId: string, personId: string): void {
  transaction(deps.db, () => {
    if (!groupRepo.getGroup(deps.db, groupId)) fail('not_found', { key: 'admin.error.group_not_found' })
    const existing = groupRepo.getGroupMembership(deps.db, groupId, personId) ?? fail('not_found', { key: 'admin.error.not_a_member' })
    groupRepo.deleteGroupMembership(deps.db, groupId, personId)
    recordAudit(deps, {
      actorId,
      action: 'group.member_remove',
      objectType: 'group',
      objectId: groupId,
      data: { personId, coordinator: existing.coordinator === 1 },
    })
  })
  // After the commit (never for a rolled-back change): their open editors of this group's drafts become read-only.
  deps.events.emit('access-changed', { personIds: [personId] })
}

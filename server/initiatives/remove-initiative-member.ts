import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as initiativeRepo from './initiative.repo.ts'

/** Ends a person's membership in an initiative; 404 when there is none. */
export function removeInitiativeMember(
  deps: Deps,
  actorId: string | null,
  initiativeId: string,
  personId: string,
): void {
  transaction(deps.db, () => {
    if (!initiativeRepo.getInitiative(deps.db, initiativeId)) fail('not_found', { key: 'admin.error.initiative_not_found' })
    const existing = initiativeRepo.getInitiativeMembership(deps.db, initiativeId, personId) ?? fail('not_found', { key: 'admin.error.not_a_member' })
    initiativeRepo.deleteInitiativeMembership(deps.db, initiativeId, personId)
    recordAudit(deps, {
      actorId,
      action: 'initiative.member_remove',
      objectType: 'initiative',
      objectId: initiativeId,
      data: { personId, role: existing.role },
    })
  })
  // After the commit: what this person may do is decided again on their open connections.
  deps.events.emit('access-changed', { personIds: [personId] })
}

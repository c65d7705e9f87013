import { transaction } from '../../db/query.ts'
import type { PositionRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { canArchive } from '../../shared/rules/lifecycle.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from './position.repo.ts'
import { transition } from './transition.ts'
import { closeDueRoundOf } from '../rounds/close-round.ts'

/**
 * Takes a position out of the lists. Nothing is deleted: versions, rounds, ballots and any
 * publication stay, and the position page stays reachable by its link. Refused while a round
 * runs (the electorate is deciding on it). Archiving twice is harmless.
 */
export function archivePosition(deps: Deps, actor: Actor, positionId: string): PositionRow {
  // A round past its deadline is closed first (a write needs the stored status current).
  closeDueRoundOf(deps, positionId)
  return transaction(deps.db, () => {
    const position = getPosition(deps.db, positionId) ?? fail('not_found')
    if (!can(actor, { type: 'position.archive', groupId: position.group_id })) fail('forbidden')
    if (!canArchive(position.status)) fail('archive_in_round')
    if (position.archived_at !== null) return position
    transition(deps, position, 'archive', actor.id)
    recordAudit(deps, { actorId: actor.id, action: 'position.archive', objectType: 'position', objectId: position.id, data: { status: position.status } })
    return getPosition(deps.db, positionId) ?? fail('internal')
  })
}

import { transaction } from '../../db/query.ts'
import type { VersionRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from '../positions/position.repo.ts'
import { freezeDraft } from './freeze-draft.ts'
import { closeDueRoundOf } from '../rounds/close-round.ts'

/**
 * A coordinator freezes the current draft as a new version (e.g. to discuss it, or to open a
 * round on it later). Only while drafting: during a round and after adoption the text is fixed
 * and already frozen.
 */
export function freezeVersion(deps: Deps, actor: Actor, positionId: string): VersionRow {
  // A round past its deadline is closed first (a write needs the stored status current).
  closeDueRoundOf(deps, positionId)
  deps.events.emit('draft-freeze', { positionId })
  return transaction(deps.db, () => {
    const position = getPosition(deps.db, positionId) ?? fail('not_found')
    if (!can(actor, { type: 'version.freeze', groupId: position.group_id })) fail('forbidden')
    if (position.status !== 'drafting') fail('invalid_state')
    const version = freezeDraft(deps, positionId, actor.id)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'version.freeze',
      objectType: 'position',
      objectId: positionId,
      data: { number: version.number, hash: version.hash },
    })
    return version
  })
}

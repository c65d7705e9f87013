import { transaction } from '../../db/query.ts'
import type { PositionRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as positionRepo from './position.repo.ts'
import { closeDueRoundOf } from '../rounds/close-round.ts'

/**
 * Changes a position's title. Only while drafting: during a round the title belongs to what is
 * being decided, and after adoption it is part of the record. The slug stays as it was, so
 * links people already shared keep working.
 */
export function renamePosition(deps: Deps, actor: Actor, positionId: string, title: string): PositionRow {
  // A round past its deadline is closed first (a write needs the stored status current).
  closeDueRoundOf(deps, positionId)
  const position = positionRepo.getPosition(deps.db, positionId) ?? fail('not_found')
  if (!can(actor, { type: 'position.edit', groupId: position.group_id })) fail('forbidden')
  if (position.status !== 'drafting') fail('invalid_state')
  if (position.title === title) return position
  return transaction(deps.db, () => {
    const at = deps.now()
    positionRepo.renamePosition(deps.db, position.id, title, at)
    recordAudit(deps, {
      actorId: actor.id,
      action: 'position.rename',
      objectType: 'position',
      objectId: position.id,
      data: { from: position.title, to: title },
    })
    return { ...position, title, updated_at: at }
  })
}

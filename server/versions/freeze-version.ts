import { transaction } from '../../db/query.ts'
import type { VersionRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getPosition } from '../positions/position.repo.ts'
import { freezeDraft, prepareFreeze } from './freeze-draft.ts'

/**
 * A coordinator freezes the current draft as a new version (e.g. to discuss it, or to open a
 * round on it later). Only while drafting: during a round and after adoption the text is fixed
 * and already frozen.
 */
export async function freezeVersion(deps: Deps, actor: Actor, positionId: string): Promise<VersionRow> {
  // Unlike the round's own write paths, freezing does not close a due round first (versions import
  // nothing from rounds): the deadline job closes it at the deadline, and until then the stored
  // status refuses the freeze as a running round would.
  const check = () => {
    const position = getPosition(deps.db, positionId) ?? fail('not_found')
    if (!can(actor, { type: 'version.freeze', groupId: position.group_id })) fail('forbidden')
    if (position.status !== 'drafting') fail('invalid_state')
  }
  // Refused before the render (nobody makes the server render who may not freeze), and again
  // inside the transaction, where the answer counts.
  check()
  const prepared = await prepareFreeze(deps, positionId)
  return transaction(deps.db, () => {
    check()
    const version = freezeDraft(deps, positionId, actor.id, prepared)
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

import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { maxVotes, storeMaxVotes } from './proxy.repo.ts'

/** The alliance's maximum of votes one person may carry, their own included (default 2). */
export function setMaxVotes(deps: Deps, actor: Actor, value: number): { maxVotes: number } {
  if (!can(actor, { type: 'proxy.settings' })) fail('forbidden')
  return transaction(deps.db, () => {
    const before = maxVotes(deps.db)
    storeMaxVotes(deps.db, value, actor.id, deps.now())
    recordAudit(deps, { actorId: actor.id, action: 'proxy.settings', objectType: 'alliance', objectId: '1', data: { maxVotes: value, before } })
    return { maxVotes: value }
  })
}

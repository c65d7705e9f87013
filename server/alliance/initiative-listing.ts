import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getInitiative, listInitiatives } from '../initiatives/initiative.repo.ts'
import { listedInitiatives, setInitiativeListed } from './alliance.repo.ts'

/** An initiative agrees (or no longer agrees) to be named on the public "Über uns" page. */
export function setInitiativeListing(deps: Deps, actor: Actor, initiativeId: string, listed: boolean): void {
  if (!can(actor, { type: 'initiative.listing', initiativeId })) fail('forbidden')
  transaction(deps.db, () => {
    if (!getInitiative(deps.db, initiativeId)) fail('not_found')
    setInitiativeListed(deps.db, initiativeId, listed, deps.now(), actor.id)
    recordAudit(deps, { actorId: actor.id, action: 'initiative.listing', objectType: 'initiative', objectId: initiativeId, data: { listed } })
  })
}

/** The admin form: exactly the given initiatives are named, all others not. */
export function setListedInitiatives(deps: Deps, actor: Actor, initiativeIds: readonly string[]): void {
  const wanted = new Set(initiativeIds)
  transaction(deps.db, () => {
    const listedNow = new Set(listedInitiatives(deps.db).map((i) => i.id))
    for (const initiative of listInitiatives(deps.db)) {
      const listed = wanted.has(initiative.id)
      if (listedNow.has(initiative.id) !== listed) setInitiativeListing(deps, actor, initiative.id, listed)
    }
  })
}

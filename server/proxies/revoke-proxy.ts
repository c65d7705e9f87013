import { transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getProxy, revokeProxyRow, usedInOpenRound } from './proxy.repo.ts'

/**
 * A delegate of the initiative takes its vote back. Refused (`proxy_used`) while a round in
 * which the proxy cast the initiative's ballot is still open: that ballot stands, so the
 * initiative's own delegates may not answer there either. Audited.
 */
export function revokeProxy(deps: Deps, actor: Actor, proxyId: string): void {
  transaction(deps.db, () => {
    const proxy = getProxy(deps.db, proxyId) ?? fail('not_found')
    if (!can(actor, { type: 'proxy.revoke', initiativeId: proxy.initiative_id })) fail('forbidden')
    if (proxy.revoked_at !== null) fail('invalid_state', { key: 'proxies.error.revoked' })
    if (usedInOpenRound(deps.db, proxy.id)) fail('proxy_used')
    if (!revokeProxyRow(deps.db, proxy.id, actor.id, deps.now())) fail('conflict')
    recordAudit(deps, { actorId: actor.id, action: 'proxy.revoke', objectType: 'initiative', objectId: proxy.initiative_id, data: { proxyId: proxy.id } })
  })
}

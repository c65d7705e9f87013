import { newId } from '../../db/ids.ts'
import { isUniqueViolation, transaction } from '../../db/query.ts'
import { fail } from '../../shared/errors.ts'
import { can, type Actor } from '../../shared/policy.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import { getInitiative } from '../initiatives/initiative.repo.ts'
import { getPerson } from '../people/person.repo.ts'
import { answeredKeys } from '../rounds/ballot.repo.ts'
import { delegateInitiativeIds } from '../rounds/electorate.repo.ts'
import { getRound } from '../rounds/round.repo.ts'
import { activeProxyOf, carriedProxies, insertProxy, maxVotes } from './proxy.repo.ts'

export interface GrantProxyInput {
  toPersonId: string
  /** One round; left out: every round until revoked. */
  roundId?: string | undefined
}

/**
 * A delegate of initiative A hands A's vote to a delegate of another initiative: for one open
 * round of initiatives, or for every round until revoked. One proxy per initiative at a time;
 * nobody carries more votes than the alliance allows (their own included). Audited.
 */
export function grantProxy(deps: Deps, actor: Actor, initiativeId: string, input: GrantProxyInput): { id: string } {
  return transaction(deps.db, () => {
    const initiative = getInitiative(deps.db, initiativeId) ?? fail('not_found')
    if (!can(actor, { type: 'proxy.grant', initiativeId })) fail('forbidden')
    const to = getPerson(deps.db, input.toPersonId) ?? fail('validation', { key: 'proxies.error.to_delegate' }, 'toPersonId')
    const holderOf = delegateInitiativeIds(deps.db, to.id)
    if (to.disabled === 1 || holderOf.length === 0 || holderOf.includes(initiativeId)) fail('validation', { key: 'proxies.error.to_delegate' }, 'toPersonId')
    if (input.roundId !== undefined) {
      const round = getRound(deps.db, input.roundId)
      if (!round || round.status !== 'open' || round.closes_at <= deps.now() || round.electorate !== 'initiatives') {
        fail('invalid_state', { key: 'proxies.error.round_not_open' }, 'roundId')
      }
      // An answer A gave itself stands; a proxy for this round would have nothing to do.
      if (answeredKeys(deps.db, round.id, round.secret === 1, [initiativeId]).size > 0) fail('invalid_state', { key: 'proxies.error.answered' }, 'roundId')
    }
    if (activeProxyOf(deps.db, initiativeId)) fail('duplicate', { key: 'proxies.error.exists' })
    const max = maxVotes(deps.db)
    const carried = 1 + carriedProxies(deps.db, to.id)
    if (carried + 1 > max) fail('proxy_limit', { key: 'proxies.error.limit', params: { name: to.name, count: carried, max } }, 'toPersonId')
    const id = newId()
    try {
      insertProxy(deps.db, { id, initiative_id: initiative.id, to_person_id: to.id, round_id: input.roundId ?? null, created_by: actor.id, created_at: deps.now() })
    } catch (error) {
      if (isUniqueViolation(error)) fail('duplicate', { key: 'proxies.error.exists' })
      throw error
    }
    recordAudit(deps, {
      actorId: actor.id,
      action: 'proxy.grant',
      objectType: 'initiative',
      objectId: initiative.id,
      data: { proxyId: id, to: to.id, roundId: input.roundId ?? null },
    })
    return { id }
  })
}

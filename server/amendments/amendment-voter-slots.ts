import type { Db } from '../../db/connection.ts'
import type { AmendmentRoundRow } from '../../db/schema/index.ts'
import { withProxySlots, type ProxySlotSource, type VoterSlot } from '../proxies/proxy-slots.ts'
import { delegateInitiativeIds } from '../rounds/electorate.repo.ts'
import * as roundRepo from './amendment-round.repo.ts'

/** The proxy rules read an amendment round from its own tables. */
const AMENDMENT_PROXY_SOURCE: ProxySlotSource = {
  usesIn: roundRepo.proxyUsesIn,
  answeredKeys: roundRepo.answeredKeys,
  initiativeSlots: (db, roundId, ids) => roundRepo.labelledSlots(db, roundId, 'initiatives', ids),
}

/**
 * Where a person may answer in an amendment round, as in any round (rounds/voter-slots.ts):
 * themselves in a round of members, or each initiative of the electorate they are a delegate of,
 * with what proxies change (a vote handed on is answered by its holder; A's own delegates are blocked).
 */
export function amendmentVoterSlots(db: Db, round: Pick<AmendmentRoundRow, 'id' | 'electorate' | 'secret'>, personId: string): VoterSlot[] {
  const keys = round.electorate === 'members' ? [personId] : delegateInitiativeIds(db, personId)
  return withProxySlots(db, round, personId, roundRepo.labelledSlots(db, round.id, round.electorate, keys), AMENDMENT_PROXY_SOURCE)
}

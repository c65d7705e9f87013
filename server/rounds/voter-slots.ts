import type { Db } from '../../db/connection.ts'
import type { RoundRow } from '../../db/schema/index.ts'
import { withProxySlots, type VoterSlot } from '../proxies/proxy-slots.ts'
import { delegateInitiativeIds, electorateSlots } from './electorate.repo.ts'

/**
 * Where a person may answer in a round: themselves (electorate "members"), or each initiative in
 * the snapshot that they are a delegate of right now (electorate "initiatives"), with what
 * proxies change about that (server/proxies/proxy-slots.ts).
 */
export function voterSlotsOf(db: Db, round: Pick<RoundRow, 'id' | 'electorate' | 'secret'>, personId: string): VoterSlot[] {
  const keys = round.electorate === 'members' ? [personId] : delegateInitiativeIds(db, personId)
  return withProxySlots(db, round, personId, electorateSlots(db, round.id, round.electorate, keys))
}

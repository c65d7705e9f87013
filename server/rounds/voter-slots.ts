import type { Db } from '../../db/connection.ts'
import type { RoundRow } from '../../db/schema/index.ts'
import { delegateInitiativeIds, electorateSlots, type VoterSlotRow } from './electorate.repo.ts'

/**
 * Where a person may answer in a round: themselves (electorate "members"), or each initiative in
 * the snapshot that they are a delegate of right now (electorate "initiatives").
 */
export function voterSlotsOf(db: Db, round: Pick<RoundRow, 'id' | 'electorate'>, personId: string): VoterSlotRow[] {
  const keys = round.electorate === 'members' ? [personId] : delegateInitiativeIds(db, personId)
  return electorateSlots(db, round.id, round.electorate, keys)
}

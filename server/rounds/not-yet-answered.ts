import type { Db } from '../../db/connection.ts'
import type { RoundRow } from '../../db/schema/index.ts'
import { delegatesOf, pendingVoters } from './pending-voters.repo.ts'

/** A member electorate can be large: the page and the API name at most this many. */
export const PENDING_LIST_MAX = 500

export interface PendingVoter {
  /** The initiative's id (electorate "initiatives") or the person's id (electorate "members"). */
  id: string
  name: string
  /** Electorate "initiatives": who can answer for it (its delegates now); empty for members. */
  delegates: Array<{ id: string; name: string }>
}

export interface NotYetAnswered {
  voters: PendingVoter[]
  /** How many have not answered, also those beyond the list. */
  count: number
}

/**
 * Who has not answered an open round yet, so a coordinator can chase them. That somebody has
 * voted is not secret (only what), so secret rounds list them too.
 */
export function notYetAnswered(db: Db, round: RoundRow, counts: { electorate: number; answered: number }): NotYetAnswered {
  const secret = round.secret === 1
  const count = counts.electorate - counts.answered
  const pending = count > 0 ? pendingVoters(db, round.id, round.electorate, secret, PENDING_LIST_MAX) : []
  if (round.electorate === 'members') pending.sort((a, b) => a.name.localeCompare(b.name))
  const delegates = round.electorate === 'initiatives' ? delegatesOf(db, pending.map((p) => p.id)) : []
  return {
    count,
    voters: pending.map((p) => ({
      id: p.id,
      name: p.name,
      delegates: delegates.filter((d) => d.initiative_id === p.id).map((d) => ({ id: d.id, name: d.name })),
    })),
  }
}
